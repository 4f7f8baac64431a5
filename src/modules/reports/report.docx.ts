// The report as a Word document (OGP self-assessments are submitted as documents): a title,
// real headings (so that Word builds the navigation pane and a table of contents), paragraphs
// and real tables, on A4.
import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { formatDateTime, formatDay } from '../../platform/i18n/i18n.ts';
import { isLevel, LEVELS } from '../action-plans/level.ts';
import { commentLines, consultationWindow, leadAgency, periodText, proseBlocks, reportOutline, templateFields, TEMPLATE, type ReportBlock, type ReportCommitment, type ReportModel } from './report-model.ts';
import { levelName, levelText } from './report-wording.ts';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm, in twentieths of a point
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

type Child = Paragraph | Table;

/** Word rejects control characters in text; the rest is escaped by the library. */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function para(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  const lines = clean(text).split('\n');
  const runs: ParagraphChild[] = lines.map((line, i) => new TextRun({ text: line, bold: options.bold, italics: options.italics, break: i > 0 ? 1 : 0 }));
  return new Paragraph({ children: runs, spacing: { after: 120 } });
}

function heading(level: 1 | 2 | 3, text: string): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: [new TextRun(clean(text))], keepNext: true });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${clean(label)}: `, bold: true }), new TextRun(clean(value))], spacing: { after: 80 } });
}

function prose(text: string | null): Paragraph[] {
  return proseBlocks(text).flatMap((b) =>
    b.kind === 'list' ? b.items.map((item) => new Paragraph({ children: [new TextRun(clean(item))], bullet: { level: 0 } })) : [para(b.lines.join('\n'))],
  );
}

/**
 * A table with a shaded header row repeated on every page, or with no header row and its first
 * column shaded (label | value); widths are shares of the text width.
 */
function table(head: string[] | null, rows: string[][], shares: number[]): Table {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((s * TEXT_WIDTH) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6ECF5' } : undefined,
      children: text === '' ? [new Paragraph('')] : [new Paragraph({ children: clean(text).split('\n').map((l, k) => new TextRun({ text: l, bold: header, break: k > 0 ? 1 : 0 })) })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      ...(head ? [new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, i, true)) })] : []),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, head === null && i === 0)) })),
    ],
  });
}

function commitment(item: ReportCommitment, status: boolean): Child[] {
  const c = item.node;
  const given = (v: string | null) => v ?? TEMPLATE.not_given;
  const out: Child[] = [new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, keepNext: true, children: [new TextRun(clean(`${c.code}. ${c.title}`))] })];
  out.push(labelled(TEMPLATE.period, periodText(c)), labelled(TEMPLATE.lead, leadAgency(c)));
  out.push(heading(3, TEMPLATE.description));
  for (const f of templateFields(c)) if (f.text) out.push(para(f.label, { bold: true }), ...prose(f.text));
  if (status) {
    out.push(heading(3, TEMPLATE.level));
    out.push(table(LEVELS.map(levelName), [LEVELS.map((l) => (l === c.level ? '✔' : ''))], [1, 1, 1, 1]));
    out.push(para(levelText(c.level, c.level_label), { bold: true }));
    if (c.results) out.push(heading(3, TEMPLATE.results), ...prose(c.results));
    if (c.next_steps) out.push(heading(3, TEMPLATE.next_steps), ...prose(c.next_steps));
  }
  if (c.milestones.length > 0) {
    out.push(heading(3, TEMPLATE.milestones));
    const head = [TEMPLATE.milestone, TEMPLATE.start, TEMPLATE.end];
    const row = (m: (typeof c.milestones)[number]) => [m.title, given(m.start_label), given(m.end_label)];
    out.push(
      status
        ? table([...head, TEMPLATE.completion_level], c.milestones.map((m) => [...row(m), levelText(isLevel(m.level) ? m.level : null, m.level_label)]), [5, 1.6, 1.6, 2])
        : table(head, c.milestones.map(row), [5, 1.6, 1.6]),
    );
  }
  if (status && item.timeline.length > 0) {
    out.push(heading(3, TEMPLATE.progress));
    for (const e of item.timeline) {
      out.push(para(`${formatDay('en', e.occurred_on)} · ${TEMPLATE.progress_by} ${e.author_organization ?? e.author_label}`, { bold: true }), ...prose(e.body));
      for (const ch of e.level_changes) {
        out.push(para(`${TEMPLATE.level_change}: ${ch.target_label}: ${levelName(isLevel(ch.level_from) ? ch.level_from : null)} → ${levelName(isLevel(ch.level_to) ? ch.level_to : null)}`));
      }
      if (e.evidence.length > 0) out.push(para(`${TEMPLATE.evidence}: ${e.evidence.map((x) => x.url ?? x.title).join(', ')}`));
    }
  }
  out.push(heading(3, TEMPLATE.contacts));
  const rows: string[][] = c.contacts.flatMap((p) => [
    [TEMPLATE.contact_name, given(p.name)],
    [TEMPLATE.contact_title, [p.title, p.department].filter(Boolean).join(', ') || TEMPLATE.not_given],
    [TEMPLATE.contact_email_phone, [p.email, p.phone].filter(Boolean).join(' / ') || TEMPLATE.not_given],
  ]);
  rows.push([`${TEMPLATE.other_actors}: ${TEMPLATE.state_actors}`, given(c.other_actors_state)]);
  rows.push([`${TEMPLATE.other_actors}: ${TEMPLATE.civil_society}`, given(c.other_actors_civil_society)]);
  if (c.contact_additional_information) rows.push([TEMPLATE.contact_additional, c.contact_additional_information]);
  out.push(table(null, rows, [2, 3]));
  return out;
}

function block(b: ReportBlock): Child[] {
  switch (b.kind) {
    case 'summary':
      return [new Paragraph({ children: [new TextRun({ text: `${TEMPLATE.summary}: `, bold: true }), new TextRun(clean(b.text))], spacing: { before: 120, after: 240 } })];
    case 'heading':
      return [heading(b.level === 2 ? 1 : 2, b.text)];
    case 'section': {
      const { heading: h, body } = b.section;
      return [...(h ? [heading(b.level === 2 ? 1 : 2, h)] : []), ...prose(body)];
    }
    case 'irm_table':
      return [table([TEMPLATE.irm_number, TEMPLATE.irm_recommendation], b.rows.map((r) => [String(r.number), r.title]), [1, 12])];
    case 'irm_response':
      return [heading(2, `${b.irm.number}. ${b.irm.title}`), ...prose(b.irm.response)];
    case 'commitments_table':
      return [
        b.status
          ? table(
              [TEMPLATE.table_number, TEMPLATE.table_commitment, TEMPLATE.table_organization, TEMPLATE.table_status],
              b.rows.map(({ node: c }) => [c.code, c.table_title ?? c.title, c.lead_organization_name, levelText(c.level, c.level_label)]),
              [0.8, 5, 3, 2],
            )
          : table([TEMPLATE.table_number, TEMPLATE.table_commitment, TEMPLATE.table_organization], b.rows.map(({ node: c }) => [c.code, c.table_title ?? c.title, c.lead_organization_name]), [0.8, 5, 3]),
      ];
    case 'commitment':
      return commitment(b.item, b.status);
    case 'consultation': {
      const c = b.consultation;
      const out: Child[] = [heading(1, TEMPLATE.consultation), para(consultationWindow(c), { italics: true })];
      if (c.comments.length === 0) out.push(para(TEMPLATE.consultation_none));
      for (const comment of c.comments) {
        const l = commentLines(comment);
        out.push(heading(2, l.heading), ...prose(l.body), para(TEMPLATE.response, { bold: true }));
        if (l.responseBy) out.push(para(l.responseBy, { italics: true }));
        out.push(...prose(l.response));
      }
      return out;
    }
  }
}

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const children: Child[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(model.title))] })];
  if (model.author) children.push(para(model.author));
  children.push(para(`${TEMPLATE.generated} ${formatDateTime('en', model.generated_at)} (KST).`, { italics: true }));
  for (const b of reportOutline(model)) children.push(...block(b));
  const doc = new Document({
    title: clean(model.title),
    creator: clean(model.author ?? 'Madang'),
    description: clean(model.summary_sentence.en),
    styles: { default: { document: { run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Malgun Gothic', cs: 'Calibri' }, size: 21 } } } },
    sections: [{ properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } }, children }],
  });
  return Packer.toBuffer(doc);
}
