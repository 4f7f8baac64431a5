// Reads and checks the reviewable data files of a plan (data/plans/<slug>/). A file that does
// not match its schema stops the import before anything is written, naming the file and field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';

const Text = Type.Union([Type.String(), Type.Null()]);
const LevelName = Type.Union([Type.Literal('not_started'), Type.Literal('limited'), Type.Literal('substantial'), Type.Literal('completed')]);
const OgpValue = Type.Union([
  Type.Literal('transparency'),
  Type.Literal('civic_participation'),
  Type.Literal('public_accountability'),
  Type.Literal('technology_innovation'),
]);
const Notes = Type.Array(Type.String());

export const OrganizationFile = Type.Array(
  Type.Object({
    key: Type.String({ pattern: '^[a-z0-9-]+$' }),
    name: Type.String({ minLength: 1 }),
    name_ko: Type.Optional(Text),
    abbreviation: Text,
    kind: Type.String(),
    sector: Type.String(),
    parent: Text,
    source: Type.String(),
  }),
);

export const PlanFile = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9-]+$' }),
  country_code: Type.String({ minLength: 2, maxLength: 3 }),
  country_name: Type.String(),
  number: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  period_start: Type.String(),
  period_end: Type.String(),
  status: Type.String(),
  report: Type.Object({ title: Type.String(), author: Type.String(), source: Type.String() }),
  source: Type.String(),
  sections: Type.Array(Type.Object({ key: Type.String(), heading: Text, body: Type.String(), source: Type.String() })),
  source_notes: Notes,
});

export const IrmFile = Type.Array(
  Type.Object({ number: Type.Integer({ minimum: 1 }), title: Type.String(), response: Text, source: Type.String() }),
);

const Milestone = Type.Object({
  title: Type.String({ minLength: 1 }),
  start: Text,
  end: Text,
  level: Type.Union([LevelName, Type.Null()]),
  level_label: Text,
  source: Type.String(),
  source_notes: Type.Optional(Notes),
});

export const CommitmentFile = Type.Object({
  code: Type.String({ pattern: '^[0-9]+(-[0-9]+)?$' }),
  position: Type.Integer({ minimum: 1 }),
  title: Type.String({ minLength: 1 }),
  table_title: Text,
  source: Type.String(),
  start: Text,
  end: Text,
  lead_organization: Type.String(),
  lead_division: Text,
  lead_agency_text: Text,
  level: LevelName,
  level_label: Text,
  level_source: Text,
  public_problem: Text,
  description: Text,
  contribution: Text,
  ogp_values_text: Text,
  ogp_values: Type.Array(OgpValue),
  additional_information: Text,
  results: Text,
  next_steps: Text,
  contacts: Type.Array(
    Type.Object({ name: Text, title: Text, department: Text, email: Text, phone: Text, organization: Text }),
  ),
  other_actors: Type.Object({ state: Text, civil_society: Text }),
  contact_additional_information: Text,
  milestones: Type.Array(Milestone),
  source_notes: Notes,
});

export type OrganizationData = Static<typeof OrganizationFile>[number];
export type PlanData = Static<typeof PlanFile>;
export type IrmData = Static<typeof IrmFile>[number];
export type CommitmentData = Static<typeof CommitmentFile>;

export interface PlanBundle {
  organizations: OrganizationData[];
  plan: PlanData;
  irm: IrmData[];
  commitments: CommitmentData[];
}

export class SeedFileError extends Error {
  override name = 'SeedFileError';
}

function readChecked<S extends TSchema>(path: string, schema: S): Static<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SeedFileError(`${path}: ${(e as Error).message}`);
  }
  if (!Value.Check(schema, data)) {
    const first = [...Value.Errors(schema, data)].slice(0, 5);
    const detail = first.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new SeedFileError(`${path}: ${detail}`);
  }
  return data as Static<S>;
}

/** Reads one plan's folder: plan.json, organizations.json, irm-recommendations.json, commitments/*.json. */
export function readPlanBundle(dir: string): PlanBundle {
  const commitmentDir = join(dir, 'commitments');
  const commitments = readdirSync(commitmentDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readChecked(join(commitmentDir, f), CommitmentFile))
    .sort((a, b) => a.position - b.position);
  return {
    organizations: readChecked(join(dir, 'organizations.json'), OrganizationFile),
    plan: readChecked(join(dir, 'plan.json'), PlanFile),
    irm: readChecked(join(dir, 'irm-recommendations.json'), IrmFile),
    commitments,
  };
}

/** Every plan folder under data/plans. */
export function listPlanDirs(dataDir: string): string[] {
  const plansDir = join(dataDir, 'plans');
  return readdirSync(plansDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(plansDir, d.name))
    .sort();
}

/** data/plans/next-plans.json: plans whose co-creation started from a previous plan's cycle (seed §5). */
export const NextPlansFile = Type.Array(
  Type.Object({
    from: Type.String({ pattern: '^[a-z0-9-]+$' }),
    slug: Type.String({ pattern: '^[a-z0-9-]+$' }),
    number: Type.Integer({ minimum: 1 }),
    title: Type.String({ minLength: 1 }),
    period_start: Type.String({ pattern: '^\\d{4}$' }),
    period_end: Type.String({ pattern: '^\\d{4}$' }),
    /** Where the period comes from: the record must say, since the seed gives none. */
    period_source: Type.String({ minLength: 1 }),
    source: Type.String(),
  }),
);
export type NextPlanData = Static<typeof NextPlansFile>[number];

export function readNextPlansFile(dataDir: string): NextPlanData[] {
  const path = join(dataDir, 'plans', 'next-plans.json');
  return existsSync(path) ? readChecked(path, NextPlansFile) : [];
}
