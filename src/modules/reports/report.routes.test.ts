import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { renderReportFile } from './index.ts';

const SLUG = 'kr-2018-2020';
const SENTENCE = 'Out of 13 commitments, 8 commitments are completed, 4 substantially completed and 1 limitedly implemented.';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One file out of a zip archive, read through its central directory. */
function unzip(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip archive');
  let p = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const skip = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    p += 46 + skip;
  }
  throw new Error(`${name} is not in the archive`);
}

/** The visible text of a Word document: its runs, in order. */
function docxText(docx: Buffer): string {
  const xml = unzip(docx, 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

let ctx: TestContext;
before(async () => {
  ctx = await testApp();
});
after(async () => {
  await ctx.close();
});

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

test('the HTML page is the site page with the report, its sentence and links to every format', async () => {
  const res = await get(`/plans/${SLUG}/report?lang=en`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
  assert.ok(res.body.includes(SENTENCE));
  assert.ok(res.body.includes('South Korea End-of-Term Self-Assessment Report for Action Plan 2018-2020'));
  for (const href of [`/plans/${SLUG}/report.md`, `/plans/${SLUG}/report.docx`, `/plans/${SLUG}/report.pdf`, `/api/v1/plans/${SLUG}/report`]) {
    assert.ok(res.body.includes(`href="${href}"`), `links to ${href}`);
  }
  assert.ok(/href="\/krds\/[0-9.]+\/madang-subset\.css\?v=[0-9a-f]+"/.test(res.body), 'uses the site layout');
  // The seed's structure: parts 1 to 5 in order, the IRM table, the commitments table, each commitment.
  const order = ['1. Introduction and background', '2. Action plan process', '3. IRM recommendations', '4. Implementation of action plan commitments', 'Milestone status', '5. Conclusion and next steps'];
  const body = res.body.slice(res.body.indexOf('class="report-body"'));
  const at = order.map((h) => body.indexOf(h));
  assert.ok(at.every((i) => i >= 0) && at.every((i, k) => k === 0 || i > at[k - 1]!), `headings in order: ${at.join(', ')}`);
  assert.ok(res.body.includes('id="commitment-5-1"'));
});

test('the Korean page gives the Korean sentence and keeps the English report', async () => {
  const res = await get(`/plans/${SLUG}/report?lang=ko`);
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes('13개 과제 중 완료 8개, 상당 부분 이행 4개, 제한적 이행 1개'));
  assert.ok(res.body.includes(SENTENCE));
  assert.ok(res.body.includes('class="report-body" lang="en"'));
});

test('Markdown: headings, tables and the sentence', async () => {
  const res = await get(`/plans/${SLUG}/report.md`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/markdown; charset=utf-8');
  assert.ok(res.body.startsWith('# South Korea End-of-Term Self-Assessment Report'));
  assert.ok(res.body.includes(SENTENCE));
  assert.ok(res.body.includes('| # | Commitments | Organization | Status |'));
  assert.ok(res.body.includes('| 5-1 | Establishment of a Public Diplomacy System to Foster G2P Communication | Ministry of Foreign Affairs | Substantial |'));
  assert.ok(res.body.includes('| Milestone | Start Date | End Date | Completion level |'));
  assert.ok(res.body.includes('which led to 8 commitments completed, 4 substantially completed and 1 limitedly implemented.'), 'tokens filled');
  assert.ok(!res.body.includes('{{'), 'no token left');
});

test('Word: a real document with the same sentence and the tables', async () => {
  const res = await get(`/plans/${SLUG}/report.docx`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], DOCX);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="kr-2018-2020-self-assessment\.docx"$/);
  const body = res.rawPayload;
  assert.equal(body.subarray(0, 2).toString('latin1'), 'PK');
  const xml = unzip(body, 'word/document.xml').toString('utf8');
  assert.match(xml, /<w:pStyle w:val="Title"\/>/);
  assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
  assert.ok((xml.match(/<w:tbl>/g) ?? []).length >= 1 + 1 + 13, 'IRM table, commitments table and a table per commitment');
  const text = docxText(body);
  assert.ok(text.includes(SENTENCE));
  assert.ok(text.includes('Ministry of Foreign Affairs'));
});

test('JSON: the same summary as the plan, the sentence in two languages, filled sections and full commitments', async () => {
  const [report, plan] = await Promise.all([get(`/api/v1/plans/${SLUG}/report`), get(`/api/v1/plans/${SLUG}`)]);
  assert.equal(report.statusCode, 200);
  assert.match(String(report.headers['content-type']), /^application\/json/);
  const r = report.json();
  assert.deepEqual(r.summary, plan.json().summary);
  assert.deepEqual(r.summary, { not_started: 0, limited: 1, substantial: 4, completed: 8, total: 13 });
  assert.equal(r.summary_sentence.en, SENTENCE);
  assert.equal(r.summary_sentence.ko, '13개 과제 중 완료 8개, 상당 부분 이행 4개, 제한적 이행 1개');
  assert.equal(r.sections[0].key, 'introduction');
  assert.ok(r.sections.every((s: { body: string }) => !s.body.includes('{{')));
  assert.equal(r.irm_recommendations.length, 5);
  assert.equal(r.commitments.length, 13);
  const c51 = r.commitments.find((c: { code: string }) => c.code === '5-1');
  assert.equal(c51.lead_organization, 'Ministry of Foreign Affairs');
  assert.ok(c51.public_problem && c51.milestones.length > 0 && Array.isArray(c51.contacts) && Array.isArray(c51.progress_updates));
  assert.equal(r.links.docx, `http://localhost:3000/plans/${SLUG}/report.docx`);
});

test('the report is in the OpenAPI document under Reports', async () => {
  const doc = (await get('/api/v1/openapi.json')).json();
  const op = doc.paths['/api/v1/plans/{slug}/report']?.get;
  assert.ok(op, 'documented');
  assert.deepEqual(op.tags, ['Reports']);
  assert.ok(op.responses['200'] && op.responses['404']);
});

test('an unknown plan is 404 in every format', async () => {
  for (const url of ['/plans/nope/report', '/plans/nope/report.md', '/plans/nope/report.docx', '/plans/nope/report.pdf']) {
    assert.equal((await get(url)).statusCode, 404, url);
  }
  const api = await get('/api/v1/plans/nope/report');
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  assert.match(api.json().detail, /nope/);
});

test('PDF through Chromium', { skip: existsSync('/usr/bin/chromium') ? false : 'Chromium is not installed at /usr/bin/chromium' }, async () => {
  const app = await testApp({ config: { chromiumPath: '/usr/bin/chromium' } });
  try {
    const res = await app.app.inject({ method: 'GET', url: `/plans/${SLUG}/report.pdf` });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 4).toString('latin1'), '%PDF');
  } finally {
    await app.close();
  }
});

test('without Chromium the PDF is 503 with the reason, as problem+json or as a page', async () => {
  const app = await testApp({ config: { chromiumPath: '/nonexistent/chromium' }, accounts: false });
  try {
    const api = await app.app.inject({ method: 'GET', url: `/plans/${SLUG}/report.pdf`, headers: { accept: 'application/json' } });
    assert.equal(api.statusCode, 503);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    assert.match(api.json().detail, /\/nonexistent\/chromium/);
    const page = await app.app.inject({ method: 'GET', url: `/plans/${SLUG}/report.pdf?lang=en`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 503);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.ok(page.body.includes('Chromium is not installed at /nonexistent/chromium'));
    assert.equal((await app.app.inject({ method: 'GET', url: '/plans/nope/report.pdf' })).statusCode, 404, 'an unknown plan is still 404');
  } finally {
    await app.close();
  }
});

test('the CLI renders every format, and null for an unknown plan', async () => {
  const config = { ...ctx.config, chromiumPath: '/nonexistent/chromium' };
  for (const format of ['html', 'md', 'docx', 'json'] as const) {
    const file = await renderReportFile(ctx.db, config, SLUG, format);
    assert.ok(file && file.body.length > 1000, format);
    assert.ok(file.filename.endsWith(`.${format}`));
  }
  const html = await renderReportFile(ctx.db, config, SLUG, 'html');
  assert.ok(String(html!.body).startsWith('<!doctype html>') && String(html!.body).includes('<style>') && !String(html!.body).includes('<link'), 'self-contained');
  assert.equal(await renderReportFile(ctx.db, config, 'nope', 'md'), null);
  await assert.rejects(renderReportFile(ctx.db, config, SLUG, 'pdf'), /Chromium is not installed at \/nonexistent\/chromium/);
});

test('after an officer marks commitment 2 completed, the report says 9 completed and 0 limited', async () => {
  const app = await testApp();
  try {
    const session = await new Session(app.app).signIn('admin');
    const csrf = await session.csrf(`/plans/${SLUG}/commitments/2/updates/new`);
    const posted = await session.postMultipart(`/plans/${SLUG}/commitments/2/updates`, [
      { name: '_csrf', value: csrf },
      { name: 'body', value: 'The integrated management system is finished.' },
      { name: 'commitment_level', value: 'completed' },
    ]);
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));

    const r = (await app.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/report` })).json();
    assert.equal(r.summary.completed, 9);
    assert.equal(r.summary.limited, 0);
    assert.equal(r.summary_sentence.en, 'Out of 13 commitments, 9 commitments are completed and 4 substantially completed.');
    const c2 = r.commitments.find((c: { code: string }) => c.code === '2');
    assert.equal(c2.level, 'completed');
    assert.equal(c2.progress_updates.length, 1);

    const md = (await app.app.inject({ method: 'GET', url: `/plans/${SLUG}/report.md` })).body;
    assert.ok(md.includes('Out of 13 commitments, 9 commitments are completed and 4 substantially completed.'));
    assert.ok(md.includes('which led to 9 commitments completed and 4 substantially completed.'));
    assert.ok(!md.includes('limitedly implemented'));
    assert.ok(md.includes('The integrated management system is finished.'), 'the progress update is in the report');
    const docx = (await app.app.inject({ method: 'GET', url: `/plans/${SLUG}/report.docx` })).rawPayload;
    assert.ok(docxText(docx).includes('Out of 13 commitments, 9 commitments are completed and 4 substantially completed.'));
  } finally {
    await app.close();
  }
});
