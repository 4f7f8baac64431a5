// A chart in its figure: the caption, the drawing and, beside it, the same figures as a table.
import type { Children } from '@kitajs/html';
import type { ViewContext } from '../context.ts';

export interface DataTableSpec {
  caption: string;
  columns: string[];
  rows: { header: string; href?: string; cells: string[]; /** The header's language, where it differs from the page's. */ lang?: string }[];
}

/** The figures of a chart as a table: the first column names the row, the others carry the values. */
export function DataTable({ spec }: { spec: DataTableSpec }) {
  return (
    <div class="krds-table-wrap">
      <table class="tbl data chart-table">
        <caption safe>{spec.caption}</caption>
        <thead>
          <tr>
            {spec.columns.map((c) => (
              <th scope="col" safe>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((r) => (
            <tr>
              <th scope="row">
                {r.href ? (
                  <a href={r.href} lang={r.lang} safe>
                    {r.header}
                  </a>
                ) : (
                  <span lang={r.lang} safe>
                    {r.header}
                  </span>
                )}
              </th>
              {r.cells.map((c) => (
                <td safe>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The drawing, or the sentence that stands for it. */
function ChartDrawing({ chart, empty, labelledBy }: { chart: Children; empty: string; labelledBy: string }) {
  if (chart === null || chart === undefined) {
    return (
      <div class="chart-drawing">
        <p class="chart-empty" safe>
          {empty}
        </p>
      </div>
    );
  }
  // On a phone the drawing keeps a readable size and scrolls sideways; the region takes the focus so
  // that it can be scrolled by keyboard.
  return (
    <div class="chart-drawing chart-scroll" tabindex="0" role="group" aria-labelledby={labelledBy}>
      {chart as 'safe'}
    </div>
  );
}

/**
 * The figure: a caption, the chart (or, when there is not enough data to draw it honestly, a sentence
 * that says so) and its data table in a disclosure beside it.
 */
export function ChartFigure(props: { ctx: ViewContext; id: string; caption: string; chart: JSX.Element | null; empty?: string; note?: string; table: DataTableSpec; tableOpen?: boolean }) {
  const { ctx, id } = props;
  return (
    <figure class="chart-figure" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} safe>
        {props.caption}
      </figcaption>
      <div class="chart-grid">
        <ChartDrawing chart={props.chart} empty={props.empty ?? ctx.t('chart.no_data')} labelledBy={`${id}-caption`} />
        {props.table.rows.length > 0 ? (
          <details class="chart-data" open={props.tableOpen ? true : undefined}>
            <summary safe>{ctx.t('chart.show_table')}</summary>
            <DataTable spec={props.table} />
          </details>
        ) : (
          ''
        )}
      </div>
      {props.note ? <p class="muted small chart-note" safe>{props.note}</p> : ''}
    </figure>
  );
}
