// Pure rules of a policy task as an officer enters it: the timeline and the officials are one line
// each ("date | step", "role | name or position | department"); every error names its line.
import type { FieldError } from '../../platform/http/errors.ts';

export const LIMITS = { title: 200, overview: 4000, lines: 30, cell: 200, date: 40 } as const;

export interface TaskInput {
  title: string;
  overview: string;
  year: string;
  organization: string;
  timeline: string;
  officials: string;
  designate: string;
}

export interface Step {
  date_label: string;
  description: string;
}

export interface Official {
  role: string;
  name: string;
  department: string | null;
  final_approver: boolean;
}

export interface TaskValue {
  title: string;
  overview: string;
  year: number | null;
  organization: string;
  steps: Step[];
  officials: Official[];
  designate: boolean;
}

const linesOf = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

export function parseTimeline(text: string, errors: FieldError[]): Step[] {
  const lines = linesOf(text);
  if (lines.length > LIMITS.lines) errors.push({ field: 'timeline', message: `At most ${LIMITS.lines} steps.` });
  return lines.slice(0, LIMITS.lines).flatMap((line, i) => {
    const [date, ...rest] = line.split('|').map((c) => c.trim());
    const description = rest.join(' | ').trim();
    if (!date || !description) {
      errors.push({ field: 'timeline', message: `Line ${i + 1}: write the date, a bar "|", then the step.` });
      return [];
    }
    if (date.length > LIMITS.date || description.length > LIMITS.cell) {
      errors.push({ field: 'timeline', message: `Line ${i + 1}: the date is at most ${LIMITS.date} characters and the step at most ${LIMITS.cell}.` });
      return [];
    }
    return [{ date_label: date, description }];
  });
}

/** Officials from the working level up; the last line is the one who gave final approval. */
export function parseOfficials(text: string, errors: FieldError[]): Official[] {
  const lines = linesOf(text);
  if (lines.length === 0) {
    errors.push({ field: 'officials', message: 'Name the officials responsible, up to the one who gave final approval.' });
    return [];
  }
  if (lines.length > LIMITS.lines) errors.push({ field: 'officials', message: `At most ${LIMITS.lines} officials.` });
  const kept = lines.slice(0, LIMITS.lines);
  return kept.flatMap((line, i) => {
    const cells = line.split('|').map((c) => c.trim());
    const [role, name, department] = cells;
    if (cells.length > 3 || !role || !name) {
      errors.push({ field: 'officials', message: `Line ${i + 1}: write the role, "|", the name or position, and optionally "|" and the department.` });
      return [];
    }
    if (cells.some((c) => c.length > LIMITS.cell)) {
      errors.push({ field: 'officials', message: `Line ${i + 1}: each part is at most ${LIMITS.cell} characters.` });
      return [];
    }
    return [{ role, name, department: department || null, final_approver: i === kept.length - 1 }];
  });
}

export function validateTask(input: TaskInput): { ok: true; value: TaskValue } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const overview = input.overview.trim();
  if (title === '') errors.push({ field: 'title', message: 'Give the title of the policy task.' });
  else if (title.length > LIMITS.title) errors.push({ field: 'title', message: `At most ${LIMITS.title} characters.` });
  if (overview === '') errors.push({ field: 'overview', message: 'Give an overview of the task.' });
  else if (overview.length > LIMITS.overview) errors.push({ field: 'overview', message: `At most ${LIMITS.overview} characters.` });
  let year: number | null = null;
  if (input.year.trim() !== '') {
    if (!/^\d{4}$/.test(input.year.trim())) errors.push({ field: 'year', message: 'Give the year as four digits, or leave it empty.' });
    else year = Number(input.year.trim());
  }
  if (input.organization.trim() === '') errors.push({ field: 'organization', message: 'Choose the organization that carries the task.' });
  const steps = parseTimeline(input.timeline, errors);
  const officials = parseOfficials(input.officials, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, overview, year, organization: input.organization.trim(), steps, officials, designate: input.designate === 'yes' } };
}
