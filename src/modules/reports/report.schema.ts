// The report's JSON shape, for the response schema and the OpenAPI document.
import { Type } from 'typebox';
import { CommitmentDetail, Summary } from '../action-plans/action-plans.schema.ts';

const NString = Type.Union([Type.String(), Type.Null()]);
const Bilingual = (description: string) => Type.Object({ en: Type.String(), ko: Type.String() }, { description });

export const ReportCommentSchema = Type.Object({
  id: Type.Integer(),
  section: Type.String({ description: 'Anchor of the part commented on: "general", "section-conclusion", "commitment-5-1"' }),
  section_label: Type.String(),
  body: Type.String(),
  author_label: Type.String(),
  created_at: Type.String(),
  response: NString,
  responder_label: NString,
  responded_at: NString,
});

export const Consultation = Type.Object({
  state: Type.String({ examples: ['draft', 'open_for_comment', 'final'] }),
  comment_days: Type.Integer(),
  opened_at: NString,
  closes_at: NString,
  finalised_at: NString,
  comments: Type.Array(ReportCommentSchema),
});

export const Report = Type.Object(
  {
    slug: Type.String({ examples: ['kr-2018-2020'] }),
    title: Type.String({ description: 'The report title as the plan gives it' }),
    author: NString,
    plan: Type.Object({
      title: Type.String(),
      country_code: Type.String(),
      country_name: Type.String(),
      number: Type.Integer(),
      period_start: Type.String(),
      period_end: Type.String(),
      status: Type.String(),
    }),
    generated_at: Type.String({ description: 'When this report was generated (ISO 8601); every count is the live one at that moment' }),
    summary: Summary,
    summary_clause: Bilingual('The counts by completion level in words: "8 commitments completed, 4 substantially completed and 1 limitedly implemented"'),
    summary_sentence: Bilingual('"Out of 13 commitments, 8 commitments are completed, 4 substantially completed and 1 limitedly implemented."'),
    sections: Type.Array(
      Type.Object({
        key: Type.String({ examples: ['introduction', 'conclusion'] }),
        position: Type.Integer(),
        heading: NString,
        body: Type.String({ description: 'Text with the {{summary_clause}}, {{summary_sentence}} and {{total}} tokens filled from live data' }),
        source: NString,
      }),
      { description: 'The narrative sections of the report, in order' },
    ),
    irm_recommendations: Type.Array(Type.Object({ number: Type.Integer(), title: Type.String(), response: NString, source: NString })),
    commitments: Type.Array(CommitmentDetail),
    links: Type.Object({
      html: Type.String(),
      markdown: Type.String(),
      docx: Type.String(),
      pdf: Type.String(),
      json: Type.String(),
      plan: Type.String(),
    }),
    consultation: Type.Union([Consultation, Type.Null()], { description: 'The public comment on the report, with every comment and the response to it; null when it has had none' }),
  },
  { description: 'The End-of-Term Self-Assessment report, generated from live data' },
);
