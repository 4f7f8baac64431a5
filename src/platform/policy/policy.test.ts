import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, Role } from '../auth/roles.ts';
import { policy } from './policy.ts';

const actor = (role: Role, organization_id: number | null = null): Actor => ({ id: 1, email: 'a@b.c', name: 'A', role, organization_id, organization_name: null });
const commitment = { lead_organization_id: 10, lead_division_id: 11 };

test('who may update a commitment: the whole matrix', () => {
  const cases: [Actor | null, boolean][] = [
    [null, false],
    [actor('citizen'), false],
    [actor('forum_member'), false],
    [actor('officer', 99), false],
    [actor('officer', null), false],
    [actor('officer', 10), true],
    [actor('officer', 11), true],
    [actor('admin'), true],
  ];
  for (const [a, allowed] of cases) {
    assert.equal(policy.updateCommitment(a, commitment).allowed, allowed, `${a?.role ?? 'visitor'} ${a?.organization_id ?? ''}`);
  }
  const visitor = policy.updateCommitment(null, commitment);
  assert.equal(!visitor.allowed && visitor.reason, 'sign_in');
  const other = policy.updateCommitment(actor('officer', 99), commitment);
  assert.equal(!other.allowed && other.reason, 'forbidden');
});

test('only admins read the audit trail', () => {
  assert.equal(policy.readAuditTrail(actor('admin')).allowed, true);
  for (const r of ['officer', 'forum_member', 'citizen'] as const) assert.equal(policy.readAuditTrail(actor(r, 1)).allowed, false);
  assert.equal(policy.readAuditTrail(null).allowed, false);
});

test('petitions: owners moderate and publish, committee members review', () => {
  const channel = { organization_id: 10 };
  assert.equal(policy.submitPetition(null).allowed, false);
  assert.equal(policy.submitPetition(actor('citizen')).allowed, true);
  assert.equal(policy.actForChannelOwner(actor('officer', 10), channel).allowed, true);
  assert.equal(policy.actForChannelOwner(actor('officer', 11), channel).allowed, false);
  assert.equal(policy.actForChannelOwner(actor('citizen'), channel).allowed, false);
  assert.equal(policy.actForChannelOwner(actor('admin'), channel).allowed, true);
  assert.equal(policy.reviewForCommittee(actor('citizen'), 5, [5]).allowed, true);
  assert.equal(policy.reviewForCommittee(actor('officer', 10), 5, []).allowed, false);
  assert.equal(policy.reviewForCommittee(actor('citizen'), null, [5]).allowed, false);
  assert.equal(policy.reviewForCommittee(null, 5, [5]).allowed, false);
});

test('proposals: who may submit, edit, answer and run the cycle', () => {
  const mine = { author_id: 1, organization_id: 10, organization_parent_id: 5 };
  const theirs = { author_id: 2, organization_id: 10, organization_parent_id: 5 };
  const cases: [Actor | null, { submit: boolean; edit: boolean; editOther: boolean; respond: boolean; admin: boolean; participate: boolean }][] = [
    [null, { submit: false, edit: false, editOther: false, respond: false, admin: false, participate: false }],
    [actor('citizen'), { submit: true, edit: true, editOther: false, respond: false, admin: false, participate: true }],
    [actor('forum_member'), { submit: true, edit: true, editOther: false, respond: false, admin: false, participate: true }],
    [actor('officer', 99), { submit: false, edit: true, editOther: false, respond: false, admin: false, participate: true }],
    [actor('officer', 10), { submit: false, edit: true, editOther: false, respond: true, admin: false, participate: true }],
    [actor('officer', 5), { submit: false, edit: true, editOther: false, respond: true, admin: false, participate: true }],
    [actor('admin'), { submit: true, edit: true, editOther: false, respond: true, admin: true, participate: true }],
  ];
  for (const [a, e] of cases) {
    const who = `${a?.role ?? 'visitor'} ${a?.organization_id ?? ''}`;
    assert.equal(policy.submitProposal(a).allowed, e.submit, `submit ${who}`);
    assert.equal(policy.editProposal(a, mine).allowed, e.edit, `edit own ${who}`);
    assert.equal(policy.editProposal(a, theirs).allowed, e.editOther, `edit other ${who}`);
    assert.equal(policy.respondToProposal(a, mine).allowed, e.respond, `respond ${who}`);
    assert.equal(policy.runCoCreation(a).allowed, e.admin, `run ${who}`);
    assert.equal(policy.participate(a).allowed, e.participate, `participate ${who}`);
  }
  assert.equal(policy.respondToProposal(actor('officer', 10), { author_id: 1, organization_id: null, organization_parent_id: null }).allowed, false, 'an unrouted proposal is answered by no officer');
});

test('only admins record IRM assessments', () => {
  const cases: [Actor | null, boolean][] = [
    [null, false],
    [actor('citizen'), false],
    [actor('forum_member'), false],
    [actor('officer', 10), false],
    [actor('admin'), true],
  ];
  for (const [a, allowed] of cases) assert.equal(policy.recordIrmAssessment(a).allowed, allowed, a?.role ?? 'visitor');
  const visitor = policy.recordIrmAssessment(null);
  assert.equal(!visitor.allowed && visitor.reason, 'sign_in');
});

test('repository and reports: who publishes, who runs a report, who answers comments', () => {
  const c = { lead_organization_id: 10, lead_division_id: null };
  const matrix: [Actor | null, boolean, boolean, boolean, boolean][] = [
    // actor, plan-wide document, commitment document, run a report, answer a comment
    [null, false, false, false, false],
    [actor('citizen'), false, false, false, false],
    [actor('forum_member'), false, false, false, false],
    [actor('officer', 99), false, false, false, true],
    [actor('officer', 10), false, true, false, true],
    [actor('admin'), true, true, true, true],
  ];
  for (const [a, planWide, commitment, run, answer] of matrix) {
    const who = `${a?.role ?? 'visitor'} ${a?.organization_id ?? ''}`;
    assert.equal(policy.publishToRepository(a, null).allowed, planWide, `${who} plan-wide`);
    assert.equal(policy.publishToRepository(a, c).allowed, commitment, `${who} commitment`);
    assert.equal(policy.runReport(a).allowed, run, `${who} report`);
    assert.equal(policy.respondToReportComment(a).allowed, answer, `${who} answer`);
  }
  const visitor = policy.runReport(null);
  assert.equal(!visitor.allowed && visitor.reason, 'sign_in');
});

test('body records and surveys: officers of the running organization, forum members for civil-society-led bodies, admins', () => {
  const run = { organization_id: 10, organization_parent_id: 1 };
  const forumLed = { organization_id: null, organization_parent_id: null };
  const cases: [Actor | null, boolean, boolean][] = [
    [null, false, false],
    [actor('citizen'), false, false],
    [actor('forum_member'), false, true],
    [actor('officer', 99), false, false],
    [actor('officer', null), false, false],
    [actor('officer', 10), true, false],
    [actor('officer', 1), true, false],
    [actor('admin'), true, true],
  ];
  for (const [a, onRun, onForum] of cases) {
    const who = `${a?.role ?? 'visitor'} ${a?.organization_id ?? ''}`;
    assert.equal(policy.recordMeeting(a, run).allowed, onRun, `meeting, run body: ${who}`);
    assert.equal(policy.recordMeeting(a, forumLed).allowed, onForum, `meeting, forum-led body: ${who}`);
    assert.equal(policy.manageSurvey(a, run).allowed, onRun, `survey, run owner: ${who}`);
    assert.equal(policy.manageSurvey(a, forumLed).allowed, onForum, `survey, forum-led owner: ${who}`);
  }
  const visitor = policy.recordMeeting(null, run);
  assert.equal(!visitor.allowed && visitor.reason, 'sign_in');
  assert.equal(policy.answerSurvey(null).allowed, false);
  assert.equal(policy.createSurvey(null, 3).allowed, false);
  assert.equal(policy.createSurvey(actor('citizen'), 0).allowed, false);
  assert.equal(policy.createSurvey(actor('officer', 10), 2).allowed, true);
  for (const r of ['citizen', 'forum_member', 'officer', 'admin'] as const) assert.equal(policy.answerSurvey(actor(r, 1)).allowed, true);
});
