// A person reports an error in a data set or a table row; the report is routed to the publishing organization.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import type { DatasetRow } from '../catalog.repository.ts';
import { insertErrorReport } from '../error-reports.repository.ts';
import { dueDate } from '../open-data.settings.ts';
import type { TableRow } from '../tables.repository.ts';

export const MAX_REPORT_LENGTH = 4000;

export interface ErrorReportInput {
  body: string;
  row: string;
}

export function validateErrorReport(input: ErrorReportInput, table: TableRow | null): { ok: true; body: string; rowNo: number | null } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body = input.body.trim();
  if (body === '') errors.push(fieldError('body', 'open_data.errors.report_body'));
  else if (body.length > MAX_REPORT_LENGTH) errors.push(fieldError('body', 'error.field.max_chars', { max: MAX_REPORT_LENGTH }));
  let rowNo: number | null = null;
  if (input.row.trim() !== '') {
    const n = Number(input.row.trim());
    if (!table) errors.push(fieldError('row', 'open_data.errors.row_without_table'));
    else if (!Number.isInteger(n) || n < 1 || n > table.row_count) errors.push(fieldError('row', 'open_data.errors.row_range', { max: table.row_count }));
    else rowNo = n;
  }
  return errors.length ? { ok: false, errors } : { ok: true, body, rowNo };
}

export async function reportError(
  db: Kysely<Database>,
  args: { actor: Actor; dataset: DatasetRow; table: TableRow | null; rowNo: number | null; body: string; deadlineDays: number; now: Date; requestId: string },
): Promise<{ ok: true; id: number }> {
  const { actor, dataset, now } = args;
  const id = await db.transaction().execute(async (trx) => {
    const values = {
      dataset_id: dataset.id,
      table_id: args.table?.id ?? null,
      row_no: args.rowNo,
      organization_id: dataset.organization_id,
      reporter_id: actor.id,
      body: args.body,
      state: 'received',
      received_at: now.toISOString(),
      due_at: dueDate(now, args.deadlineDays).toISOString(),
      accepted_at: null,
      resolved_at: null,
      declined_at: null,
      response: null,
    };
    const reportId = await insertErrorReport(trx, values);
    await recordAudit(trx, {
      actor,
      action: 'error_report.received',
      entityType: 'error_report',
      entityId: reportId,
      entityLabel: dataset.slug,
      public: true,
      after: { dataset: dataset.slug, table: args.table?.slug ?? null, row: args.rowNo, body: args.body, due_at: values.due_at },
      at: now,
      requestId: args.requestId,
    });
    return reportId;
  });
  return { ok: true, id };
}
