// Madang's JSON Schema for action plans, published at /api/v1/schemas/plan.json. OGP has no official
// schema (shared/OGP.md); this one is generated from the very typebox schemas the plan import checks
// its data files with, so that the published schema and the importer cannot drift apart.
import { Type } from 'typebox';
import { CommitmentFile, IrmFile, OrganizationFile, PlanFile } from '../action-plans/seed-files.ts';
import { IrmCommitmentsFile } from '../assessments/assessments.schema.ts';

export const PLAN_SCHEMA_PATH = '/api/v1/schemas/plan.json';

/** A plan's folder (data/plans/<slug>/) as one document: each property is one of its files. */
export function planSchema(baseUrl: string) {
  const schema = Type.Object(
    {
      plan: PlanFile,
      organizations: OrganizationFile,
      irm_recommendations: IrmFile,
      commitments: Type.Array(CommitmentFile, { description: 'commitments/*.json, one object per commitment, in the plan’s order' }),
      irm_commitments: Type.Optional(IrmCommitmentsFile),
    },
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${baseUrl}${PLAN_SCHEMA_PATH}`,
      title: 'Madang action plan',
      description:
        "An OGP action plan as Madang stores and imports it: plan.json (plan), organizations.json, irm-recommendations.json, commitments/*.json and irm-commitments.json of a folder under data/plans. Mapped to OGP's commitment data columns by GET /plans/{slug}/ogp-commitments.csv.",
    },
  );
  // A plain JSON document: typebox's own markers are symbols and do not survive serialisation.
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}
