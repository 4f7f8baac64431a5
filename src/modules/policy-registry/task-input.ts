// Pure rules of a policy task as an officer enters it: the timeline and the officials are one line
// each ("date | step", "role | name or position | department"); every error names its line.
import { fieldError, type FieldError } from '../../platform/http/errors.ts';

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
  if (lines.length > LIMITS.lines) errors.push(fieldError('timeline', 'policy_registry.errors.max_steps', { max: LIMITS.lines }));
  return lines.slice(0, LIMITS.lines).flatMap((line, i) => {
    const [date, ...rest] = line.split('|').map((c) => c.trim());
    const description = rest.join(' | ').trim();
    if (!date || !description) {
      errors.push(fieldError('timeline', 'policy_registry.errors.timeline_line', { line: i + 1 }));
      return [];
    }
    if (date.length > LIMITS.date || description.length > LIMITS.cell) {
      errors.push(fieldError('timeline', 'policy_registry.errors.timeline_long', { line: i + 1, date: LIMITS.date, cell: LIMITS.cell }));
      return [];
    }
    return [{ date_label: date, description }];
  });
}

/** Officials from the working level up; the last line is the one who gave final approval. */
export function parseOfficials(text: string, errors: FieldError[]): Official[] {
  const lines = linesOf(text);
  if (lines.length === 0) {
    errors.push(fieldError('officials', 'policy_registry.errors.officials'));
    return [];
  }
  if (lines.length > LIMITS.lines) errors.push(fieldError('officials', 'policy_registry.errors.max_officials', { max: LIMITS.lines }));
  const kept = lines.slice(0, LIMITS.lines);
  return kept.flatMap((line, i) => {
    const cells = line.split('|').map((c) => c.trim());
    const [role, name, department] = cells;
    if (cells.length > 3 || !role || !name) {
      errors.push(fieldError('officials', 'policy_registry.errors.officials_line', { line: i + 1 }));
      return [];
    }
    if (cells.some((c) => c.length > LIMITS.cell)) {
      errors.push(fieldError('officials', 'policy_registry.errors.officials_long', { line: i + 1, cell: LIMITS.cell }));
      return [];
    }
    return [{ role, name, department: department || null, final_approver: i === kept.length - 1 }];
  });
}

export function validateTask(input: TaskInput): { ok: true; value: TaskValue } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const overview = input.overview.trim();
  if (title === '') errors.push(fieldError('title', 'policy_registry.errors.title'));
  else if (title.length > LIMITS.title) errors.push(fieldError('title', 'error.field.max_chars', { max: LIMITS.title }));
  if (overview === '') errors.push(fieldError('overview', 'policy_registry.errors.overview'));
  else if (overview.length > LIMITS.overview) errors.push(fieldError('overview', 'error.field.max_chars', { max: LIMITS.overview }));
  let year: number | null = null;
  if (input.year.trim() !== '') {
    if (!/^\d{4}$/.test(input.year.trim())) errors.push(fieldError('year', 'policy_registry.errors.year'));
    else year = Number(input.year.trim());
  }
  if (input.organization.trim() === '') errors.push(fieldError('organization', 'policy_registry.errors.organization'));
  const steps = parseTimeline(input.timeline, errors);
  const officials = parseOfficials(input.officials, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, overview, year, organization: input.organization.trim(), steps, officials, designate: input.designate === 'yes' } };
}
