import type { ViewContext } from '../../../platform/views/context.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { DatedRow } from '../action-plans.table.ts';
import { isLevel, labelDiffers, LEVELS, percentages, type Level, type LevelSummary } from '../level.ts';

const BADGE: Record<Level, string> = {
  not_started: 'bg-light-gray',
  limited: 'bg-light-warning',
  substantial: 'bg-light-information',
  completed: 'bg-light-success',
};

export function LevelBadge({ ctx, level, label }: { ctx: ViewContext; level: string | null; label?: string | null }) {
  const { t } = ctx;
  if (!isLevel(level)) {
    return (
      <span class="krds-badge bg-light-gray level-badge" safe>
        {t('level.unknown')}
      </span>
    );
  }
  const differs = labelDiffers(level, label ?? null);
  return (
    <span class={`krds-badge ${BADGE[level]} level-badge level-${level}`}>
      <span safe>{t(`level.${level}`)}</span>
      {differs ? (
        <span class="level-wording" safe>
          {` (${t('level.as_written', { label })})`}
        </span>
      ) : (
        ''
      )}
    </span>
  );
}

/** A date as the source wrote it, with its machine-readable value where it has one. */
export function DateText({ ctx, row, end }: { ctx: ViewContext; row: DatedRow; end: 'start' | 'end' }) {
  const label = row[`${end}_label`];
  const precision = row[`${end}_precision`];
  const value = row[`${end}_value`];
  if (!label) {
    return (
      <span class="date-missing" safe>
        {ctx.t('date.unknown')}
      </span>
    );
  }
  if (precision && ['ongoing', 'throughout', 'year_end', 'none'].includes(precision)) {
    const text = ctx.locale === 'en' ? label : ctx.t(`date.${precision}`);
    return (
      <span class="date-open" safe>
        {text}
      </span>
    );
  }
  if (value && /^\d{4}(-\d{2}){0,2}$/.test(value)) {
    return (
      <time datetime={value} safe>
        {label}
      </time>
    );
  }
  return <span safe>{label}</span>;
}

export function DateRange({ ctx, row }: { ctx: ViewContext; row: DatedRow }) {
  return (
    <span class="date-range">
      <DateText ctx={ctx} row={row} end="start" /> <span aria-hidden="true">~</span>
      <span class="sr-only"> – </span> <DateText ctx={ctx} row={row} end="end" />
    </span>
  );
}

const BAR_COLORS: Record<Level, string> = {
  not_started: '#8a949e',
  limited: '#c38400',
  substantial: '#0b78cb',
  completed: '#228738',
};

/** A thin bar for a share; drawn in SVG so that no inline style is needed under the CSP. */
export function ShareBar({ percent, color }: { percent: number; color: string }) {
  return (
    <svg class="share-bar" width="100" height="10" viewBox="0 0 100 10" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="10" rx="5" fill="#e6e8ea" />
      <rect x="0" y="0" width={String(Math.max(0, Math.min(100, percent)))} height="10" rx="5" fill={color} />
    </svg>
  );
}

/** Server-rendered bar chart: reads without JavaScript; the table beside it carries the same figures. */
export function SummaryChart({ ctx, summary, id }: { ctx: ViewContext; summary: LevelSummary; id: string }) {
  const { t } = ctx;
  const pct = percentages(summary);
  const rowH = 34;
  const labelW = 150;
  const width = 520;
  const barMax = width - labelW - 60;
  const max = Math.max(1, ...LEVELS.map((l) => summary[l]));
  const height = LEVELS.length * rowH + 10;
  const description = LEVELS.map((l) => `${t(`level.${l}`)} ${summary[l]}`).join(', ');
  return (
    <figure class="summary-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} safe>
        {t('plan.chart_title')}
      </figcaption>
      <div class="summary-grid">
        <svg class="summary-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${t('plan.chart_title')}: ${description}`} focusable="false">
          {LEVELS.map((l, i) => {
            const y = i * rowH + 5;
            const w = Math.round((summary[l] / max) * barMax);
            return (
              <g>
                <text x={String(labelW - 8)} y={String(y + 20)} text-anchor="end" class="chart-label" safe>
                  {t(`level.${l}`)}
                </text>
                <rect x={String(labelW)} y={String(y + 4)} width={String(Math.max(w, 2))} height="22" rx="3" fill={BAR_COLORS[l]} />
                <text x={String(labelW + Math.max(w, 2) + 8)} y={String(y + 20)} class="chart-value" safe>
                  {`${summary[l]}`}
                </text>
              </g>
            );
          })}
        </svg>
        <div class="krds-table-wrap">
          <table class="tbl col data summary-table">
            <caption class="sr-only" safe>
              {t('plan.chart_title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('plan.level')}</th>
                <th scope="col" safe>{t('plan.count')}</th>
                <th scope="col" safe>{t('plan.share')}</th>
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((l) => (
                <tr>
                  <th scope="row" safe>{t(`level.${l}`)}</th>
                  <td safe>{String(summary[l])}</td>
                  <td>
                    <ShareBar percent={pct[l]} color={BAR_COLORS[l]} />
                    <span safe>{`${pct[l]}%`}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}

/** Multi-paragraph text from the source: paragraphs split on blank lines, "- " lines as a list. */
/** Paragraphs and lists of a stored text; `lang` where its language is known, else told from its script when `ctx` is given. */
export function Prose({ text, lang, ctx }: { text: string | null; lang?: string; ctx?: Pick<ViewContext, 'locale'> }) {
  if (!text) return '';
  const blocks = text.split(/\n{2,}/);
  return (
    <div class="prose" lang={lang ?? (ctx ? langOfText(ctx, text) : undefined)}>
      {blocks.map((block) => {
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*[-•]\s/.test(l))) {
          return (
            <ul>
              {lines.map((l) => (
                <li safe>{l.replace(/^\s*[-•]\s/, '')}</li>
              ))}
            </ul>
          );
        }
        return (
          <p>
            {lines.map((l, i) => (
              <>
                {i > 0 ? <br /> : ''}
                <span safe>{l}</span>
              </>
            ))}
          </p>
        );
      })}
    </div>
  );
}
