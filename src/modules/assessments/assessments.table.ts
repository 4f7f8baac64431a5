import type { Generated } from 'kysely';

/** One commitment as the IRM numbers it (KR0036). It may stand for several of the government's commitments, or a part of one. */
export interface IrmCommitmentsTable {
  id: Generated<number>;
  plan_id: number;
  irm_id: string;
  position: number;
  title: string | null;
  source: string | null;
  source_notes: string;
}

/** Which government commitments an IRM commitment covers: both numberings are kept. */
export interface IrmCommitmentLinksTable {
  irm_commitment_id: number;
  commitment_id: number;
}

/** The IRM's fields for one of its commitments in one report. Every field is null until assessed. */
export interface IrmAssessmentsTable {
  id: Generated<number>;
  irm_commitment_id: number;
  report: string;
  specificity: string | null;
  relevance_access_to_information: string | null;
  relevance_civic_participation: string | null;
  relevance_public_accountability: string | null;
  relevance_technology: string | null;
  potential_impact: string | null;
  completion: string | null;
  did_it_open_government: string | null;
  verifiable: string | null;
  open_government_lens: string | null;
  potential_for_results: string | null;
  source: string | null;
  notes: string | null;
  updated_at: string;
  updated_by: number | null;
}
