// The report's public JSON shape: the same summary as the plan, and every commitment in full.
import { presentCommitmentDetail } from '../action-plans/action-plans.presenter.ts';
import { reportLinks } from './report-links.ts';
import type { ReportModel } from './report-model.ts';

export function presentReport(model: ReportModel, baseUrl: string) {
  const p = model.plan;
  return {
    slug: model.slug,
    title: model.title,
    author: model.author,
    plan: {
      title: p.title,
      country_code: p.country_code,
      country_name: p.country_name,
      number: p.number,
      period_start: p.period_start,
      period_end: p.period_end,
      status: p.status,
    },
    generated_at: model.generated_at,
    summary: model.summary,
    summary_clause: model.summary_clause,
    summary_sentence: model.summary_sentence,
    sections: model.sections,
    irm_recommendations: model.irm,
    commitments: model.commitments.map(({ node, timeline }) => presentCommitmentDetail(node, baseUrl, model.slug, timeline)),
    links: reportLinks(baseUrl, model.slug),
    consultation: model.consultation ?? null,
  };
}
