// Pages, API and CSV of the bodies module. Read-only in this version: the records come from data/co-creation.
import { followView } from '../notifications/notifications.routes.tsx';
import { Type } from 'typebox';
import { notFound } from '../../platform/http/errors.ts';
import { sendCsv } from '../../platform/http/csv.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { Problem } from '../action-plans/action-plans.schema.ts';
import { AGREEMENT_CSV_COLUMNS, MEETING_CSV_COLUMNS, presentAgreement, presentBodySummary, presentComposition, presentMeeting } from './bodies.presenter.ts';
import { findBody, listAgreements, listBodies, listComposition, listMeetingProgress, listMeetings, listMembers, listProducedProposals } from './bodies.repository.ts';
import { Agreement, Body, BodySummary, KeyParams } from './bodies.schema.ts';
import { AgreementsPage } from './views/agreements-page.tsx';
import { BodiesPage, BodyPage } from './views/bodies-pages.tsx';
import { stewardshipOf } from './meetings.routes.tsx';
import { listSurveys } from '../surveys/surveys.repository.ts';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Bodies'];
const PageQuery = Type.Object({ lang: Type.Optional(Type.String()) });

function notes(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function bodyRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  async function load(key: string) {
    const all = await listBodies(db);
    const body = all.find((b) => b.key === key) ?? (await findBody(db, key));
    if (!body) throw notFound(msg('bodies.errors.no_body', { key }));
    return { all, body, parent: all.find((b) => b.id === body.parent_id) ?? null, children: all.filter((b) => b.parent_id === body.id) };
  }

  app.get('/bodies', { schema: { querystring: PageQuery } }, async (request, reply) => {
    return sendPage(reply, <BodiesPage ctx={viewContext(request, reply, deps)} bodies={await listBodies(db)} />);
  });

  app.get('/bodies/:key', { schema: { params: KeyParams, querystring: PageQuery } }, async (request, reply) => {
    const { body, parent, children } = await load(request.params.key);
    const [members, composition, meetings] = await Promise.all([listMembers(db, [body.id]), listComposition(db, [body.id]), listMeetings(db, [body.id])]);
    const ids = meetings.map((m) => m.id);
    const [produced, progress] = await Promise.all([listProducedProposals(db, ids), listMeetingProgress(db, ids)]);
    const surveys = await listSurveys(db, { bodyId: body.id });
    const ctx = viewContext(request, reply, deps);
    const canRecord = policy.recordMeeting(request.actor, await stewardshipOf(db, body.organization_id)).allowed;
    const allNotes = [...notes(body.source_notes), ...meetings.flatMap((m) => notes(m.source_notes).map((n) => `${m.title}: ${n}`))];
    return sendPage(
      reply,
      <BodyPage ctx={ctx} body={body} parent={parent} children={children} members={members} composition={composition} meetings={meetings} produced={produced} progress={progress} notes={allNotes} canRecord={canRecord} surveys={surveys} follow={await followView(deps, request, 'body', body.id)} />,
    );
  });

  app.get('/agreements', { schema: { querystring: PageQuery } }, async (request, reply) => {
    return sendPage(reply, <AgreementsPage ctx={viewContext(request, reply, deps)} agreements={await listAgreements(db)} />);
  });

  app.get('/api/v1/bodies', { schema: { tags, summary: 'Forums, committees, working groups and panels, nested by parent', response: { 200: Type.Object({ bodies: Type.Array(BodySummary) }) } } }, async () => {
    const all = await listBodies(db);
    const keyOf = new Map(all.map((b) => [b.id, b.key]));
    return { bodies: all.map((b) => presentBodySummary(b, b.parent_id === null ? null : (keyOf.get(b.parent_id) ?? null), base)) };
  });

  app.get('/api/v1/bodies/:key', { schema: { tags, summary: 'One body: members, composition, meetings, sub-bodies', params: KeyParams, response: { 200: Body, 404: Problem } } }, async (request) => {
    const { body, parent, children } = await load(request.params.key);
    const [members, composition, meetings] = await Promise.all([listMembers(db, [body.id]), listComposition(db, [body.id]), listMeetings(db, [body.id])]);
    return {
      ...presentBodySummary(body, parent?.key ?? null, base),
      description: body.description,
      source: body.source,
      members: members.map((m) => ({ name: m.name, organization: m.organization_key, sector: m.sector, role: m.role, term_start: m.term_start, term_end: m.term_end })),
      composition: composition.map(presentComposition),
      meetings: meetings.map(presentMeeting),
      children: children.map((c) => c.key),
    };
  });

  app.get('/api/v1/agreements', { schema: { tags, summary: 'Transparent Society Agreements by region or sector', response: { 200: Type.Object({ agreements: Type.Array(Agreement) }) } } }, async () => {
    return { agreements: (await listAgreements(db)).map((a) => presentAgreement(a, base)) };
  });

  app.get('/agreements.csv', async (_request, reply) => {
    return sendCsv(reply, 'agreements.csv', AGREEMENT_CSV_COLUMNS, (await listAgreements(db)).map((a) => presentAgreement(a, base)));
  });

  app.get('/meetings.csv', async (_request, reply) => {
    const all = await listBodies(db);
    const keyOf = new Map(all.map((b) => [b.id, b.key]));
    const meetings = await listMeetings(db, all.map((b) => b.id));
    return sendCsv(reply, 'meetings.csv', MEETING_CSV_COLUMNS, meetings.map((m) => ({ body: keyOf.get(m.body_id) ?? '', ...presentMeeting(m) })));
  });
}
