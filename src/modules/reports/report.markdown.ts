// The report as Markdown (CommonMark with GFM tables). Every piece of data is escaped, so that
// text from the source or from an officer can never turn into markup, a link or raw HTML.
import { formatDateTime, formatDay } from '../../platform/i18n/i18n.ts';
import { isLevel, LEVELS } from '../action-plans/level.ts';
import { commentLines, consultationWindow, leadAgency, periodText, proseBlocks, reportOutline, templateFields, TEMPLATE, type ReportBlock, type ReportCommitment, type ReportModel } from './report-model.ts';
import { levelName, levelText } from './report-wording.ts';

/** Escapes characters with a meaning inside a line: emphasis, code, links, raw HTML, tables, entities. */
export function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes text that starts lines of its own: inline characters, and line starts that would open a block. */
export function mdText(text: string): string {
  return mdInline(text)
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

/** One table cell: escaped, on one line (a line break becomes <br>). */
export function mdCell(text: string): string {
  return mdInline(text.trim()).replace(/\r?\n/g, '<br>');
}

export function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Paragraphs and bullet lists; a single line break inside a paragraph is kept as a hard break. */
export function mdProse(text: string | null): string {
  return proseBlocks(text)
    .map((b) => (b.kind === 'list' ? b.items.map((i) => `- ${mdText(i)}`).join('\n') : b.lines.map(mdText).join('\\\n')))
    .join('\n\n');
}

const heading = (level: number, text: string) => `${'#'.repeat(level)} ${mdInline(text).replace(/\s*\n\s*/g, ' ')}`;

function commitment(item: ReportCommitment, status: boolean): string[] {
  const c = item.node;
  const given = (v: string | null) => v ?? TEMPLATE.not_given;
  const out: string[] = [heading(3, `${c.code}. ${c.title}`)];
  out.push(`**${mdInline(TEMPLATE.period)}:** ${mdInline(periodText(c))}\\\n**${mdInline(TEMPLATE.lead)}:** ${mdInline(leadAgency(c))}`);
  out.push(heading(4, TEMPLATE.description));
  for (const f of templateFields(c)) if (f.text) out.push(`**${mdInline(f.label)}**`, mdProse(f.text));
  if (status) {
    out.push(heading(4, TEMPLATE.level));
    out.push(mdTable(LEVELS.map(levelName), [LEVELS.map((l) => (l === c.level ? '✔' : ''))]));
    out.push(`**${mdInline(levelText(c.level, c.level_label))}**`);
    if (c.results) out.push(heading(4, TEMPLATE.results), mdProse(c.results));
    if (c.next_steps) out.push(heading(4, TEMPLATE.next_steps), mdProse(c.next_steps));
  }
  if (c.milestones.length > 0) {
    out.push(heading(4, TEMPLATE.milestones));
    const head = [TEMPLATE.milestone, TEMPLATE.start, TEMPLATE.end];
    const row = (m: (typeof c.milestones)[number]) => [m.title, given(m.start_label), given(m.end_label)];
    out.push(
      status
        ? mdTable([...head, TEMPLATE.completion_level], c.milestones.map((m) => [...row(m), levelText(isLevel(m.level) ? m.level : null, m.level_label)]))
        : mdTable(head, c.milestones.map(row)),
    );
  }
  if (status && item.timeline.length > 0) {
    out.push(heading(4, TEMPLATE.progress));
    for (const e of item.timeline) {
      out.push(`**${mdInline(`${formatDay('en', e.occurred_on)} · ${TEMPLATE.progress_by} ${e.author_organization ?? e.author_label}`)}**`);
      out.push(mdProse(e.body));
      const extra = [
        ...e.level_changes.map(
          (ch) => `${TEMPLATE.level_change}: ${ch.target_label}: ${levelName(isLevel(ch.level_from) ? ch.level_from : null)} → ${levelName(isLevel(ch.level_to) ? ch.level_to : null)}`,
        ),
        ...(e.evidence.length ? [`${TEMPLATE.evidence}: ${e.evidence.map((x) => x.url ?? x.title).join(', ')}`] : []),
      ];
      if (extra.length) out.push(extra.map((x) => `- ${mdText(x)}`).join('\n'));
    }
  }
  out.push(heading(4, TEMPLATE.contacts));
  const rows: string[][] = c.contacts.flatMap((p) => [
    [TEMPLATE.contact_name, given(p.name)],
    [TEMPLATE.contact_title, [p.title, p.department].filter(Boolean).join(', ') || TEMPLATE.not_given],
    [TEMPLATE.contact_email_phone, [p.email, p.phone].filter(Boolean).join(' / ') || TEMPLATE.not_given],
  ]);
  rows.push([`${TEMPLATE.other_actors}: ${TEMPLATE.state_actors}`, given(c.other_actors_state)]);
  rows.push([`${TEMPLATE.other_actors}: ${TEMPLATE.civil_society}`, given(c.other_actors_civil_society)]);
  if (c.contact_additional_information) rows.push([TEMPLATE.contact_additional, c.contact_additional_information]);
  out.push(mdTable(['', ''], rows));
  return out;
}

function block(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'summary':
      return [`**${mdInline(TEMPLATE.summary)}:** ${mdInline(b.text)}`];
    case 'heading':
      return [heading(b.level, b.text)];
    case 'section': {
      const { heading: h, body } = b.section;
      return [...(h ? [heading(b.level, h)] : []), mdProse(body)];
    }
    case 'irm_table':
      return [mdTable([TEMPLATE.irm_number, TEMPLATE.irm_recommendation], b.rows.map((r) => [String(r.number), r.title]))];
    case 'irm_response':
      return [heading(3, `${b.irm.number}. ${b.irm.title}`), mdProse(b.irm.response)];
    case 'commitments_table':
      return [
        b.status
          ? mdTable(
              [TEMPLATE.table_number, TEMPLATE.table_commitment, TEMPLATE.table_organization, TEMPLATE.table_status],
              b.rows.map(({ node: c }) => [c.code, c.table_title ?? c.title, c.lead_organization_name, levelText(c.level, c.level_label)]),
            )
          : mdTable([TEMPLATE.table_number, TEMPLATE.table_commitment, TEMPLATE.table_organization], b.rows.map(({ node: c }) => [c.code, c.table_title ?? c.title, c.lead_organization_name])),
      ];
    case 'commitment':
      return commitment(b.item, b.status);
    case 'consultation': {
      const c = b.consultation;
      const out = [heading(2, TEMPLATE.consultation), `_${mdInline(consultationWindow(c))}_`];
      if (c.comments.length === 0) out.push(mdText(TEMPLATE.consultation_none));
      for (const comment of c.comments) {
        const l = commentLines(comment);
        out.push(heading(3, l.heading), mdProse(l.body), `**${mdInline(TEMPLATE.response)}:** ${l.responseBy ? `_${mdInline(l.responseBy)}_` : ''}`, mdProse(l.response));
      }
      return out;
    }
  }
}

export function renderMarkdown(model: ReportModel): string {
  const parts: string[] = [heading(1, model.title)];
  const meta = [...(model.author ? [mdText(model.author)] : []), `_${mdInline(`${TEMPLATE.generated} ${formatDateTime('en', model.generated_at)} (KST).`)}_`];
  parts.push(meta.join('\\\n'));
  for (const b of reportOutline(model)) parts.push(...block(b));
  return `${parts.filter((p) => p.trim() !== '').join('\n\n')}\n`;
}
