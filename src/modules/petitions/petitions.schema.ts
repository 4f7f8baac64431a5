import { Type } from 'typebox';

const N = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const NS = N(Type.String());
const NI = Type.Union([Type.Integer(), Type.Null()]);

export const PetitionStateSchema = Type.String({ description: 'draft, pending_moderation, open, threshold_reached, under_review, accepted, results_published, closed or rejected' });

const SummaryProps = {
  id: Type.Integer(),
  title: Type.String(),
  state: PetitionStateSchema,
  channel: Type.Object({ key: Type.String(), title: Type.String(), organization: Type.String(), organization_key: Type.String() }),
  signature_count: Type.Union([Type.Integer(), Type.Null()], { description: 'Exact count; null where the source gives none' }),
  signature_count_note: NS,
  threshold: NI,
  threshold_reached_at: NS,
  closes_at: NS,
  url: Type.String(),
};

export const PetitionSummary = Type.Object(SummaryProps);

export const Petition = Type.Object({
  ...SummaryProps,
  body: Type.String(),
  open_at: NS,
  under_review_at: NS,
  accepted_at: NS,
  results_published_at: NS,
  closed_at: NS,
  rejected_at: NS,
  rejection_reason: NS,
  review: Type.Union([Type.Object({ decision: NS, reason: NS, sub_committee: NS, decided_at: NS }), Type.Null()]),
  result: Type.Union([
    Type.Object({
      title: Type.String(),
      planned_start: NS,
      planned_end: NS,
      actual_label: NS,
      actual_start: NS,
      actual_end: NS,
      tested: NS,
      findings: NS,
      published_at: NS,
      measures: Type.Array(Type.Object({ description: Type.String(), date_label: NS })),
      attachments: Type.Array(Type.Object({ title: Type.String(), url: Type.String(), content_type: Type.String(), size: Type.Integer() })),
    }),
    Type.Null(),
  ]),
  source: NS,
});

export const PetitionCount = Type.Object({
  id: Type.Integer(),
  count: Type.Integer(),
  threshold: NI,
  threshold_reached_at: NS,
  state: PetitionStateSchema,
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
