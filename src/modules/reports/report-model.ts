// The End-of-Term Self-Assessment as a plain object, built from the live plan tree. Every
// format (the page, the printable HTML and PDF, Markdown, Word, JSON) renders this one model,
// walking the same outline, so that they cannot disagree on order or wording.
import type { Selectable } from 'kysely';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import type { ActionPlansTable } from '../action-plans/action-plans.table.ts';
import type { LevelSummary } from '../action-plans/level.ts';
import type { CommitmentNode, PlanTree, TimelineEntry } from '../action-plans/plan-tree.ts';
import { fillTokens, summaryClause, summarySentence, type Bilingual } from './report-wording.ts';

export interface ReportSection {
  key: string;
  position: number;
  heading: string | null;
  /** The text with {{summary_clause}}, {{summary_sentence}} and {{total}} filled from live data. */
  body: string;
  source: string | null;
}

export interface ReportIrm {
  number: number;
  title: string;
  response: string | null;
  source: string | null;
}

export interface ReportCommitment {
  node: CommitmentNode;
  timeline: TimelineEntry[];
}

/** A public comment on the report, with the section it is about and the government's response. */
export interface ReportComment {
  id: number;
  /** The anchor of the part commented on ("commitment-5-1", "section-conclusion", "general"). */
  section: string;
  section_label: string;
  body: string;
  author_label: string;
  created_at: string;
  response: string | null;
  responder_label: string | null;
  responded_at: string | null;
}

/** The public comment on a report: its window and every comment with the response to it. */
export interface ReportConsultation {
  state: string;
  comment_days: number;
  opened_at: string | null;
  closes_at: string | null;
  finalised_at: string | null;
  comments: ReportComment[];
}

export interface ReportModel {
  slug: string;
  /** Which of the cycle's documents this is; absent in models stored before there were several. */
  kind?: string;
  plan: Selectable<ActionPlansTable>;
  title: string;
  author: string | null;
  generated_at: string;
  summary: LevelSummary;
  summary_clause: Bilingual;
  summary_sentence: Bilingual;
  sections: ReportSection[];
  irm: ReportIrm[];
  commitments: ReportCommitment[];
  /** Present when the report went through public comment. */
  consultation?: ReportConsultation;
}

/** One step of the report, in reading order. Headings are levels 2 (parts) and 3 (items). */
export type ReportBlock =
  | { kind: 'heading'; level: 2 | 3; id: string; text: string }
  | { kind: 'section'; level: 2 | 3; id: string; section: ReportSection }
  | { kind: 'summary'; text: string }
  | { kind: 'irm_table'; rows: ReportIrm[] }
  | { kind: 'irm_response'; id: string; irm: ReportIrm }
  | { kind: 'commitments_table'; rows: ReportCommitment[]; status: boolean }
  | { kind: 'commitment'; id: string; item: ReportCommitment; status: boolean }
  | { kind: 'consultation'; id: string; consultation: ReportConsultation };

/**
 * The OGP template's part headings, used only where the plan has content for a part but no
 * section row carrying its heading (the seed's "2. Action plan process" has no text of its own).
 */
export const PART_HEADINGS = {
  process: '2. Action plan process',
  irm: '3. IRM recommendations',
  implementation: '4. Implementation of action plan commitments',
  commitments: 'Commitments',
} as const;

/**
 * What each document of the cycle holds, as data. The action plan is written before implementation:
 * its co-creation and its commitments in the OGP template, without completion levels, results or the
 * IRM's later recommendations. The mid-term self-assessment reports status so far, without the
 * end-of-term wording (the implementation's end, the conclusion). The end-of-term report is the seed's.
 */
export const DOCUMENT_PARTS = {
  action_plan: { summary: false, implementation: false, irm: false, status: false, end_of_term: false },
  mid_term: { summary: true, implementation: true, irm: true, status: true, end_of_term: false },
  end_of_term: { summary: true, implementation: true, irm: true, status: true, end_of_term: true },
} as const;
type DocumentParts = (typeof DOCUMENT_PARTS)[keyof typeof DOCUMENT_PARTS];

function partsOf(kind: string | undefined): DocumentParts {
  return kind !== undefined && Object.hasOwn(DOCUMENT_PARTS, kind) ? DOCUMENT_PARTS[kind as keyof typeof DOCUMENT_PARTS] : DOCUMENT_PARTS.end_of_term;
}

/** Labels of the OGP self-assessment template, in the wording of the seed. The report is in English. */
export const TEMPLATE = {
  summary: 'Summary',
  generated: 'Generated from live data on',
  author: 'Author',
  irm_number: '#',
  irm_recommendation: 'Recommendations',
  table_number: '#',
  table_commitment: 'Commitments',
  table_organization: 'Organization',
  table_status: 'Status',
  period: 'Commitment Start and End Date',
  lead: 'Lead implementing agency/actor',
  description: 'Commitment description',
  public_problem: 'What is the public problem that the commitment will address?',
  what: 'What is the commitment?',
  contribution: 'How will the commitment contribute to solve the public problem?',
  values: 'Why is this commitment relevant to OGP values?',
  additional_information: 'Additional information',
  level: 'Level of implementation',
  results: 'Description of the results',
  next_steps: 'Next steps',
  milestones: 'Milestone status',
  milestone: 'Milestone',
  start: 'Start Date',
  end: 'End Date',
  completion_level: 'Completion level',
  contacts: 'Contact information',
  contact_name: 'Name of responsible person from implementing agency',
  contact_title: 'Title, Department',
  contact_email_phone: 'Email and Phone',
  other_actors: 'Other actors involved',
  state_actors: 'State actors involved (government ministries, departments and agencies)',
  civil_society: 'CSOs, private sector, multilaterals, working groups',
  contact_additional: 'Other information',
  progress: 'Progress updates published since the plan was loaded',
  progress_by: 'by',
  level_change: 'Level change',
  evidence: 'Evidence',
  not_given: 'Not given in the source',
  consultation: 'Public comments and the government’s responses',
  consultation_window: 'Open for public comment',
  consultation_not_opened: 'This report has not been opened for public comment yet.',
  consultation_none: 'No comments were received.',
  comment_on: 'On',
  comment_by: 'Comment by',
  response: 'Response',
  response_by: 'by',
  no_response: 'Not answered yet.',
  general: 'The report as a whole',
} as const;

/** One comment and its response as lines of text, shared by the Markdown and Word renderers. */
export function commentLines(c: ReportComment): { heading: string; body: string; response: string; responseBy: string | null } {
  return {
    heading: `#${c.id} · ${TEMPLATE.comment_on}: ${c.section_label} · ${TEMPLATE.comment_by} ${c.author_label}, ${formatDateTime('en', c.created_at)}`,
    body: c.body,
    response: c.response ?? TEMPLATE.no_response,
    responseBy: c.response && c.responded_at ? `${TEMPLATE.response_by} ${c.responder_label ?? ''}, ${formatDateTime('en', c.responded_at)}` : null,
  };
}

/** "Open for public comment: 20 Nov 2026, 12:00 – 4 Dec 2026, 12:00 (KST; 14 days)", in English, for every format. */
export function consultationWindow(c: ReportConsultation): string {
  if (!c.opened_at || !c.closes_at) return TEMPLATE.consultation_not_opened;
  const end = c.finalised_at && c.finalised_at < c.closes_at ? c.finalised_at : c.closes_at;
  return `${TEMPLATE.consultation_window}: ${formatDateTime('en', c.opened_at)} – ${formatDateTime('en', end)} (KST; ${c.comment_days} days${end !== c.closes_at ? ', closed early at finalisation' : ''})`;
}

export function buildReport(tree: PlanTree, timeline: ReadonlyMap<number, TimelineEntry[]>, generatedAt: Date | string): ReportModel {
  const { plan, summary } = tree;
  const clause = summaryClause(summary);
  const sentence = summarySentence(summary);
  const tokens = { summary_clause: clause.en, summary_sentence: sentence.en, total: String(summary.total) };
  return {
    slug: plan.slug,
    plan,
    title: plan.report_title ?? `${plan.title}: End-of-Term Self-Assessment Report`,
    author: plan.report_author,
    generated_at: typeof generatedAt === 'string' ? generatedAt : generatedAt.toISOString(),
    summary,
    summary_clause: clause,
    summary_sentence: sentence,
    sections: [...tree.sections]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ key: s.key, position: s.position, heading: s.heading, body: fillTokens(s.body, tokens), source: s.source })),
    irm: tree.irm.map(({ number, title, response, source }) => ({ number, title, response, source })),
    commitments: tree.commitments.map((node) => ({ node, timeline: timeline.get(node.id) ?? [] })),
  };
}

/** Anchor of a commitment in the HTML report: "commitment-5-1". */
export const commitmentAnchor = (code: string) => `commitment-${code.replace(/[^A-Za-z0-9-]/g, '-')}`;

const KNOWN = new Set(['introduction', 'process_cocreation', 'process_implementation', 'irm_intro', 'irm_response_intro', 'implementation_intro', 'conclusion']);

/**
 * The report in reading order, following the seed: sections 1 to 5, the IRM table, the table and the
 * template of each commitment; each kind of document keeps the parts DOCUMENT_PARTS gives it.
 */
export function reportOutline(model: ReportModel): ReportBlock[] {
  const parts = partsOf(model.kind);
  const byKey = new Map(model.sections.map((s) => [s.key, s]));
  const blocks: ReportBlock[] = parts.summary ? [{ kind: 'summary', text: model.summary_sentence.en }] : [];
  const section = (key: string, level: 2 | 3) => {
    const s = byKey.get(key);
    if (s) blocks.push({ kind: 'section', level, id: `section-${key}`, section: s });
    return s !== undefined;
  };
  const partHeading = (id: string, text: string) => blocks.push({ kind: 'heading', level: 2, id, text });

  section('introduction', 2);

  const implementation = parts.implementation && byKey.has('process_implementation');
  if (byKey.has('process_cocreation') || implementation) {
    partHeading('part-process', PART_HEADINGS.process);
    section('process_cocreation', 3);
    if (implementation) section('process_implementation', 3);
  }

  const irmIntro = byKey.get('irm_intro');
  if (parts.irm && (irmIntro || model.irm.length > 0)) {
    if (!irmIntro?.heading) partHeading('part-irm', PART_HEADINGS.irm);
    section('irm_intro', 2);
    if (model.irm.length > 0) blocks.push({ kind: 'irm_table', rows: model.irm });
    section('irm_response_intro', 2);
    for (const irm of model.irm) if (irm.response) blocks.push({ kind: 'irm_response', id: `irm-${irm.number}`, irm });
  }

  const implIntro = parts.end_of_term ? byKey.get('implementation_intro') : undefined;
  if (implIntro || model.commitments.length > 0) {
    if (!implIntro?.heading) partHeading('part-implementation', parts.status ? PART_HEADINGS.implementation : PART_HEADINGS.commitments);
    if (implIntro) section('implementation_intro', 2);
    if (model.commitments.length > 0) blocks.push({ kind: 'commitments_table', rows: model.commitments, status: parts.status });
    for (const item of model.commitments) blocks.push({ kind: 'commitment', id: commitmentAnchor(item.node.code), item, status: parts.status });
  }

  for (const s of model.sections) if (!KNOWN.has(s.key)) blocks.push({ kind: 'section', level: 2, id: `section-${s.key}`, section: s });
  if (parts.end_of_term) section('conclusion', 2);
  if (model.consultation) blocks.push({ kind: 'consultation', id: 'public-comments', consultation: model.consultation });
  return blocks;
}

/** The fields of the commitment template that hold prose, in the seed's order. */
export function templateFields(c: CommitmentNode): { label: string; text: string | null }[] {
  return [
    { label: TEMPLATE.public_problem, text: c.public_problem },
    { label: TEMPLATE.what, text: c.description },
    { label: TEMPLATE.contribution, text: c.contribution },
    { label: TEMPLATE.values, text: c.ogp_values_text },
    { label: TEMPLATE.additional_information, text: c.additional_information },
  ];
}

/** "Performing and Traditional Arts Division / Ministry of Culture, Sports and Tourism" as the source writes it. */
export function leadAgency(c: CommitmentNode): string {
  return c.lead_agency_text ?? [c.lead_division_name, c.lead_organization_name].filter(Boolean).join(' / ');
}

/** "2018. 9. 1. ~ 2020. 8. 31.", each end as the source writes it. */
export function periodText(row: { start_label: string | null; end_label: string | null }): string {
  return `${row.start_label ?? TEMPLATE.not_given} ~ ${row.end_label ?? TEMPLATE.not_given}`;
}

/** Text split into paragraphs and bullet lists, as the data files write them (blank lines, "- " lines). */
export type ProseBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] };

export function proseBlocks(text: string | null): ProseBlock[] {
  if (!text) return [];
  return text
    .split(/\n{2,}/)
    .map((b) => b.split('\n'))
    .filter((lines) => lines.some((l) => l.trim() !== ''))
    .map((lines) =>
      lines.every((l) => /^\s*[-•]\s/.test(l)) ? { kind: 'list', items: lines.map((l) => l.replace(/^\s*[-•]\s/, '')) } : { kind: 'paragraph', lines },
    );
}
