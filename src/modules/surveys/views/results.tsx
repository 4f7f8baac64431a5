// A question's result as a server-drawn SVG bar chart with the same figures in a table beside it.
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { QuestionResult } from '../survey-rules.ts';

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

export function ResultChart({ ctx, r, id }: { ctx: ViewContext; r: QuestionResult; id: string }) {
  const W = 520;
  const rowH = 34;
  const labelW = 190;
  const barMax = W - labelW - 90;
  const H = r.rows.length * rowH + 10;
  const cut = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return (
    <svg class="survey-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`}>
      <title id={`${id}-title`} safe>
        {ctx.t('surveys.result.chart', { prompt: r.prompt })}
      </title>
      {r.rows.map((row, i) => {
        const y = 6 + i * rowH;
        const w = Math.round(((row.percent ?? 0) / 100) * barMax);
        return (
          <g>
            <text x={String(labelW - 8)} y={String(y + 17)} text-anchor="end" class="chart-label" safe>
              {cut(row.label)}
            </text>
            <rect x={String(labelW)} y={String(y)} width={String(barMax)} height="24" fill="#eef2f7" />
            <rect x={String(labelW)} y={String(y)} width={String(w)} height="24" fill="#0b50d0" />
            <text x={String(labelW + w + 6)} y={String(y + 17)} class="chart-value" safe>
              {row.count === null ? pct(row.percent) : `${pct(row.percent)} (${formatNumber(ctx.locale, row.count)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ResultTable({ ctx, r }: { ctx: ViewContext; r: QuestionResult }) {
  const { t } = ctx;
  return (
    <div class="krds-table-wrap">
      <table class="tbl result-table">
        <caption lang={langOfText(ctx, r.prompt)} safe>{r.prompt}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('surveys.result.answer')}</th>
            {r.basis === 'collected' ? <th scope="col" safe>{t('surveys.result.count')}</th> : ''}
            <th scope="col" safe>{t('surveys.result.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr>
              <th scope="row" lang={langOfText(ctx, row.label)} safe>{row.label}</th>
              {r.basis === 'collected' ? <td safe>{formatNumber(ctx.locale, row.count ?? 0)}</td> : ''}
              <td safe>{pct(row.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One question's result: its notes, then the chart and its table side by side (stacked on a phone). */
export function QuestionResultView({ ctx, r, index, texts }: { ctx: ViewContext; r: QuestionResult; index: number; texts: string[] | null }) {
  const { t } = ctx;
  const id = `q${r.question_id}`;
  return (
    <section class="survey-result" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} safe>
        {`${index}. ${r.prompt}`}
      </h2>
      <p class="muted small" safe>
        {`${t(`surveys.kind.${r.kind}`)} · ${r.basis === 'published' ? t('surveys.result.published') : t('surveys.result.answered', { answered: formatNumber(ctx.locale, r.answered), respondents: formatNumber(ctx.locale, r.respondents) })}`}
      </p>
      {r.kind === 'multiple' ? <p class="muted small" safe>{t('surveys.result.multiple')}</p> : ''}
      {r.mean !== null ? <p safe>{t('surveys.result.mean', { mean: r.mean.toFixed(1) })}</p> : ''}
      {r.kind === 'text' ? (
        <p safe>{t('surveys.result.text_count', { count: r.text_answers, n: formatNumber(ctx.locale, r.text_answers) })}</p>
      ) : r.basis === 'collected' && r.answered === 0 ? (
        <p class="empty" safe>{t('surveys.result.none_yet')}</p>
      ) : (
        <div class="result-grid">
          <ResultChart ctx={ctx} r={r} id={id} />
          <ResultTable ctx={ctx} r={r} />
        </div>
      )}
      {texts && texts.length > 0 ? (
        <details>
          <summary safe>{t('surveys.result.texts')}</summary>
          <ul>
            {texts.map((x) => (
              <li safe>{x}</li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}
