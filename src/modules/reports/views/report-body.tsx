// The body of the report as HTML, shared by the site page and the printable document (PDF).
// It is English, like the report itself; the page around it speaks the visitor's language.
import { reportOutline, TEMPLATE, commitmentAnchor, type ReportBlock, type ReportCommitment, type ReportIrm, type ReportModel } from '../report-model.ts';
import { Commitment } from './report-commitment.tsx';
import { Consultation } from './report-consultation.tsx';
import { LevelTag, ReportProse } from './report-parts.tsx';

function IrmTable({ rows }: { rows: ReportIrm[] }) {
  return (
    <div class="krds-table-wrap" tabindex="0" role="region" aria-label={TEMPLATE.irm_recommendation}>
      <table class="tbl col data report-table irm-table">
        <thead>
          <tr>
            <th scope="col">{TEMPLATE.irm_number}</th>
            <th scope="col">{TEMPLATE.irm_recommendation}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td safe>{String(r.number)}</td>
              <td safe>{r.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CommitmentsTable({ rows, status }: { rows: ReportCommitment[]; status: boolean }) {
  return (
    <div class="krds-table-wrap" tabindex="0" role="region" aria-label={TEMPLATE.table_commitment}>
      <table class="tbl col data report-table commitments-table">
        <thead>
          <tr>
            <th scope="col">{TEMPLATE.table_number}</th>
            <th scope="col">{TEMPLATE.table_commitment}</th>
            <th scope="col">{TEMPLATE.table_organization}</th>
            {status ? <th scope="col">{TEMPLATE.table_status}</th> : ''}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node: c }) => (
            <tr>
              <td safe>{c.code}</td>
              <td>
                <a href={`#${commitmentAnchor(c.code)}`} safe>
                  {c.table_title ?? c.title}
                </a>
              </td>
              <td safe>{c.lead_organization_name}</td>
              {status ? (
                <td>
                  <LevelTag level={c.level} label={c.level_label} />
                </td>
              ) : (
                ''
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'summary':
      return (
        <p class="report-summary">
          <strong safe>{`${TEMPLATE.summary}: `}</strong>
          <span safe>{block.text}</span>
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2 id={block.id} safe>{block.text}</h2> : <h3 id={block.id} safe>{block.text}</h3>;
    case 'section': {
      const { heading, body } = block.section;
      const h = heading ? block.level === 2 ? <h2 id={block.id} safe>{heading}</h2> : <h3 id={block.id} safe>{heading}</h3> : '';
      return (
        <section class={`report-section section-${block.section.key}`}>
          {h}
          <ReportProse text={body} />
        </section>
      );
    }
    case 'irm_table':
      return <IrmTable rows={block.rows} />;
    case 'irm_response':
      return (
        <section class="irm-response" id={block.id}>
          <h3 safe>{`${block.irm.number}. ${block.irm.title}`}</h3>
          <ReportProse text={block.irm.response} />
        </section>
      );
    case 'commitments_table':
      return <CommitmentsTable rows={block.rows} status={block.status} />;
    case 'commitment':
      return <Commitment id={block.id} item={block.item} status={block.status} />;
    case 'consultation':
      return <Consultation id={block.id} consultation={block.consultation} />;
  }
}

/** `summary: false` leaves out the summary line, for a page that already shows the same sentence. */
export function ReportBody({ model, summary = true }: { model: ReportModel; summary?: boolean }) {
  return (
    <div class="report-body" lang="en">
      {reportOutline(model)
        .filter((b) => summary || b.kind !== 'summary')
        .map((b) => (
          <Block block={b} />
        ))}
    </div>
  );
}

/** Headings of the report's parts, for a table of contents. */
export function reportContents(model: ReportModel): { id: string; text: string }[] {
  return reportOutline(model).flatMap((b) =>
    b.kind === 'consultation' ? [{ id: b.id, text: TEMPLATE.consultation }] : b.kind === 'heading' && b.level === 2 ? [{ id: b.id, text: b.text }] : b.kind === 'section' && b.level === 2 && b.section.heading ? [{ id: b.id, text: b.section.heading }] : [],
  );
}
