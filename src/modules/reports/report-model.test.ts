import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarize, type Level } from '../action-plans/level.ts';
import type { CommitmentNode, PlanTree, TimelineEntry } from '../action-plans/plan-tree.ts';
import { buildReport, reportOutline } from './report-model.ts';
import { mdCell, mdText, renderMarkdown } from './report.markdown.ts';
import { fillTokens, levelText, summaryClauseEn, summaryClauseKo, summarySentenceEn, summarySentenceKo } from './report-wording.ts';

const counts = (completed: number, substantial: number, limited: number, not_started: number) => ({
  completed,
  substantial,
  limited,
  not_started,
  total: completed + substantial + limited + not_started,
});

function commitment(code: string, level: Level, position: number): CommitmentNode {
  return {
    id: position,
    plan_id: 1,
    code,
    position,
    title: `Commitment ${code}`,
    table_title: null,
    lead_organization_id: 1,
    lead_division_id: null,
    lead_organization_key: 'mois',
    lead_organization_name: 'Ministry of the Interior and Safety',
    lead_division_name: null,
    lead_agency_text: null,
    level,
    level_label: null,
    level_source: null,
    public_problem: null,
    description: null,
    contribution: null,
    ogp_values_text: null,
    additional_information: null,
    results: null,
    next_steps: null,
    other_actors_state: null,
    other_actors_civil_society: null,
    contact_additional_information: null,
    source: null,
    source_notes: '[]',
    updated_at: '2020-08-31T00:00:00.000Z',
    start_label: '2018. 9. 1.',
    start_precision: 'day',
    start_value: '2018-09-01',
    start_sort: '2018-09-01',
    end_label: null,
    end_precision: null,
    end_value: null,
    end_sort: null,
    values: [],
    milestones: [],
    contacts: [],
  };
}

function tree(levels: Level[]): PlanTree {
  const commitments = levels.map((l, i) => commitment(String(i + 1), l, i + 1));
  return {
    plan: {
      id: 1,
      slug: 'kr-test',
      country_code: 'KR',
      country_name: 'Republic of Korea',
      number: 4,
      title: '4th Action Plan',
      period_start: '2018',
      period_end: '2020',
      status: 'completed',
      report_title: 'End-of-Term Self-Assessment',
      report_author: 'Government',
      source: null,
      source_notes: '[]',
      created_at: '2020-01-01T00:00:00.000Z',
      updated_at: '2020-01-01T00:00:00.000Z',
      previous_plan_id: null,
    },
    sections: [
      { id: 2, plan_id: 1, key: 'conclusion', position: 9, heading: '5. Conclusion', body: 'Out of {{total}} commitments, {{summary_clause}}. {{unknown}}', source: null, source_notes: '[]' },
      { id: 1, plan_id: 1, key: 'implementation_intro', position: 5, heading: '4. Implementation', body: 'It led to {{summary_clause}}. {{ summary_sentence }}', source: null, source_notes: '[]' },
    ],
    irm: [],
    commitments,
    summary: summarize(commitments.map((c) => c.level)),
  };
}

const SEED_LEVELS: Level[] = ['completed', 'limited', 'completed', 'completed', 'substantial', 'completed', 'completed', 'completed', 'substantial', 'substantial', 'completed', 'completed', 'substantial'];

test('the clause for 8 completed, 4 substantial and 1 limited is the seed’s', () => {
  assert.equal(summaryClauseEn(counts(8, 4, 1, 0)), '8 commitments completed, 4 substantially completed and 1 limitedly implemented');
  assert.equal(summarySentenceEn(counts(8, 4, 1, 0)), 'Out of 13 commitments, 8 commitments are completed, 4 substantially completed and 1 limitedly implemented.');
  assert.equal(summaryClauseKo(counts(8, 4, 1, 0)), '완료 8개, 상당 부분 이행 4개, 제한적 이행 1개');
  assert.equal(summarySentenceKo(counts(8, 4, 1, 0)), '13개 과제 중 완료 8개, 상당 부분 이행 4개, 제한적 이행 1개');
});

test('singular counts take a singular noun and verb', () => {
  assert.equal(summaryClauseEn(counts(1, 1, 0, 0)), '1 commitment completed and 1 substantially completed');
  assert.equal(summarySentenceEn(counts(1, 0, 0, 0)), 'Out of 1 commitment, 1 commitment is completed.');
  assert.equal(summarySentenceEn(counts(1, 2, 0, 0)), 'Out of 3 commitments, 1 commitment is completed and 2 substantially completed.');
});

test('zero counts are left out, the noun moves to the first level present, and "and" stays before the last', () => {
  assert.equal(summaryClauseEn(counts(0, 4, 1, 0)), '4 commitments substantially completed and 1 limitedly implemented');
  assert.equal(summaryClauseEn(counts(2, 0, 0, 3)), '2 commitments completed and 3 not started');
  assert.equal(summaryClauseEn(counts(0, 0, 0, 2)), '2 commitments not started');
  assert.equal(summaryClauseEn(counts(1, 1, 1, 1)), '1 commitment completed, 1 substantially completed, 1 limitedly implemented and 1 not started');
  assert.equal(summaryClauseKo(counts(0, 4, 0, 2)), '상당 부분 이행 4개, 시작 전 2개');
});

test('an empty plan says so', () => {
  assert.equal(summaryClauseEn(counts(0, 0, 0, 0)), 'no commitments');
  assert.equal(summarySentenceEn(counts(0, 0, 0, 0)), 'The action plan has no commitments.');
  assert.equal(summaryClauseKo(counts(0, 0, 0, 0)), '과제 없음');
  const model = buildReport(tree([]), new Map(), '2026-01-01T00:00:00.000Z');
  assert.equal(model.sections.find((s) => s.key === 'conclusion')?.body, 'Out of 0 commitments, no commitments. {{unknown}}');
});

test('buildReport fills the tokens from live data and keeps the sections in order', () => {
  const model = buildReport(tree(SEED_LEVELS), new Map(), new Date('2026-11-20T03:00:00.000Z'));
  assert.deepEqual(model.summary, { not_started: 0, limited: 1, substantial: 4, completed: 8, total: 13 });
  assert.equal(model.generated_at, '2026-11-20T03:00:00.000Z');
  assert.equal(model.title, 'End-of-Term Self-Assessment');
  assert.deepEqual(
    model.sections.map((s) => s.key),
    ['implementation_intro', 'conclusion'],
  );
  assert.equal(
    model.sections[0]!.body,
    'It led to 8 commitments completed, 4 substantially completed and 1 limitedly implemented. Out of 13 commitments, 8 commitments are completed, 4 substantially completed and 1 limitedly implemented.',
  );
  assert.equal(model.sections[1]!.body, 'Out of 13 commitments, 8 commitments completed, 4 substantially completed and 1 limitedly implemented. {{unknown}}', 'an unknown token stays visible');
  assert.deepEqual(model.summary_sentence, {
    en: 'Out of 13 commitments, 8 commitments are completed, 4 substantially completed and 1 limitedly implemented.',
    ko: '13개 과제 중 완료 8개, 상당 부분 이행 4개, 제한적 이행 1개',
  });
});

test('changing one level changes the sentence', () => {
  const before = buildReport(tree(SEED_LEVELS), new Map(), '2026-01-01T00:00:00.000Z');
  const changed = SEED_LEVELS.map((l, i) => (i === 1 ? 'completed' : l));
  const after = buildReport(tree(changed), new Map(), '2026-01-01T00:00:00.000Z');
  assert.notEqual(after.summary_sentence.en, before.summary_sentence.en);
  assert.equal(after.summary_sentence.en, 'Out of 13 commitments, 9 commitments are completed and 4 substantially completed.');
  assert.equal(after.summary_sentence.ko, '13개 과제 중 완료 9개, 상당 부분 이행 4개');
  assert.match(after.sections[0]!.body, /9 commitments completed and 4 substantially completed\./);
});

test('the outline follows the seed: summary, parts in order, the table before the commitments, the conclusion last', () => {
  const model = buildReport(tree(['completed', 'limited']), new Map(), '2026-01-01T00:00:00.000Z');
  const kinds = reportOutline(model).map((b) => (b.kind === 'section' ? `section:${b.section.key}` : b.kind));
  assert.deepEqual(kinds, ['summary', 'section:implementation_intro', 'commitments_table', 'commitment', 'commitment', 'section:conclusion']);
});

test('each document of the cycle keeps its own parts: the action plan without status, the mid-term without the end-of-term wording', () => {
  const entry: TimelineEntry = { id: 7, posted_at: '2026-01-02T00:00:00Z', occurred_on: '2026-01-02', body: 'Progress made.', author_label: 'Officer', author_organization: 'MOIS', level_changes: [], evidence: [] };
  const base = buildReport(tree(['completed', 'limited']), new Map([[1, [entry]]]), '2026-01-01T00:00:00.000Z');
  const outline = (kind: string) => reportOutline({ ...base, kind }).map((b) => (b.kind === 'section' ? `section:${b.section.key}` : 'status' in b ? `${b.kind}:${b.status}` : b.kind));
  assert.deepEqual(outline('end_of_term'), ['summary', 'section:implementation_intro', 'commitments_table:true', 'commitment:true', 'commitment:true', 'section:conclusion']);
  assert.deepEqual(outline('mid_term'), ['summary', 'heading', 'commitments_table:true', 'commitment:true', 'commitment:true']);
  assert.deepEqual(outline('action_plan'), ['heading', 'commitments_table:false', 'commitment:false', 'commitment:false']);
  const plan = renderMarkdown({ ...base, kind: 'action_plan' });
  assert.doesNotMatch(plan, /Level of implementation|Completion level|Progress made|\| Status/, 'the action plan says nothing of completion');
  assert.match(renderMarkdown({ ...base, kind: 'end_of_term' }), /Level of implementation[\s\S]*Progress made/, 'the same words are in the end-of-term report');
  assert.match(plan, /## Commitments/);
  const mid = renderMarkdown({ ...base, kind: 'mid_term' });
  assert.match(mid, /Progress made/);
  assert.doesNotMatch(mid, /Conclusion/);
});

test('the timeline of a commitment travels with it', () => {
  const entry: TimelineEntry = { id: 7, posted_at: '2026-01-02T00:00:00Z', occurred_on: '2026-01-02', body: 'Done.', author_label: 'Officer', author_organization: 'MOIS', level_changes: [], evidence: [] };
  const model = buildReport(tree(['limited']), new Map([[1, [entry]]]), '2026-01-03T00:00:00.000Z');
  assert.deepEqual(model.commitments[0]!.timeline, [entry]);
  assert.match(renderMarkdown(model), /by MOIS/);
});

test('a level worded differently in the source keeps its wording beside the level', () => {
  assert.equal(levelText('substantial', 'Considerably Complete'), 'Substantial (written in the source as “Considerably Complete”)');
  assert.equal(levelText('completed', 'Completed'), 'Completed');
  assert.equal(levelText(null, null), 'Not readable in the source');
});

test('fillTokens replaces known tokens only', () => {
  assert.equal(fillTokens('{{total}} / {{ total }} / {{nope}}', { total: '13' }), '13 / 13 / {{nope}}');
  assert.equal(fillTokens('{{constructor}}', {}), '{{constructor}}');
});

test('Markdown escapes data so that it cannot become markup', () => {
  assert.equal(mdCell('a | b\nc'), 'a \\| b<br>c');
  assert.equal(mdText('<script>x</script> *bold* [link](javascript:x)'), '\\<script\\>x\\</script\\> \\*bold\\* \\[link\\](javascript:x)');
  assert.equal(mdText('# not a heading\n1. not a list\n- not a bullet'), '\\# not a heading\n1\\. not a list\n\\- not a bullet');
  assert.equal(mdText('AT&amp;T'), 'AT\\&amp;T');
});
