// The co-creation demo data under data/co-creation: read and checked before anything is written.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { SeedFileError } from '../action-plans/seed-files.ts';

const N = Type.Union([Type.String(), Type.Null()]);
const NI = Type.Union([Type.Integer(), Type.Null()]);
const Qualifier = Type.Union([Type.Literal('exact'), Type.Literal('approximate'), Type.Literal('minimum'), Type.Literal('not_given')]);

export const OrganizationsFile = Type.Array(Type.Object({ key: Type.String(), name: Type.String(), abbreviation: N, kind: Type.String(), sector: Type.String(), source: Type.String() }));

const Meeting = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  start: N,
  end: N,
  place: N,
  occurrences: Type.Integer({ minimum: 0 }),
  occurrences_qualifier: Qualifier,
  attendance: NI,
  attendance_qualifier: Qualifier,
  minutes: N,
  decisions: N,
  source: Type.String(),
  source_notes: Type.Array(Type.String()),
});

export const BodiesFile = Type.Array(
  Type.Object({
    key: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    parent: N,
    organization: N,
    plan: N,
    start: N,
    end: N,
    description: N,
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
    members: Type.Array(Type.Object({ name: Type.String(), organization: N, sector: Type.String(), role: Type.String(), term_start: N, term_end: N, source: Type.String() })),
    composition: Type.Array(Type.Object({ label: Type.String(), role: N, sector: N, unit: Type.String(), count: Type.Integer({ minimum: 0 }), qualifier: Qualifier, source: Type.String() })),
    meetings: Type.Array(Meeting),
  }),
);

export const AgreementsFile = Type.Array(
  Type.Object({
    key: Type.String(),
    title: Type.String(),
    scope: Type.Union([Type.Literal('regional'), Type.Literal('sectoral')]),
    sector_label: N,
    commitment: N,
    start: N,
    end: N,
    signatory_count: NI,
    signatory_qualifier: Qualifier,
    signatory_label: N,
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
  }),
);

export type BodyData = Static<typeof BodiesFile>[number];
export type AgreementData = Static<typeof AgreementsFile>[number];
export type OrganizationData = Static<typeof OrganizationsFile>[number];

export function readChecked<S extends TSchema>(path: string, schema: S): Static<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SeedFileError(`${path}: ${(e as Error).message}`);
  }
  if (!Value.Check(schema, data)) {
    const first = [...Value.Errors(schema, data)].slice(0, 5);
    throw new SeedFileError(`${path}: ${first.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  }
  return data as Static<S>;
}

export function coCreationDir(dataDir: string): string | null {
  const dir = join(dataDir, 'co-creation');
  return existsSync(dir) ? dir : null;
}

export function readBodiesBundle(dir: string) {
  return {
    organizations: readChecked(join(dir, 'organizations.json'), OrganizationsFile),
    bodies: readChecked(join(dir, 'bodies.json'), BodiesFile),
    agreements: readChecked(join(dir, 'agreements.json'), AgreementsFile),
  };
}
