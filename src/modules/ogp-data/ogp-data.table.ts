export interface OgpPlanDataTable {
  plan_id: number;
  region: string | null;
}

export interface OgpCommitmentDataTable {
  commitment_id: number;
  theme: string | null;
  url: string | null;
}
