// Reads and checks data/open-data/*.json: the catalog entries for the data sets the seed names, and the demand rounds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';

const NString = Type.Union([Type.String(), Type.Null()]);

export const SeedDataset = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }),
    organization: Type.String(),
    title: Type.String({ minLength: 1 }),
    description: NString,
    theme: NString,
    keywords: Type.Array(Type.String()),
    licence: NString,
    temporal_coverage: NString,
    spatial_coverage: NString,
    update_frequency: NString,
    issued: NString,
    modified: NString,
    contact_point: NString,
    landing_page: NString,
    figures: Type.Array(Type.Object({ label: Type.String(), value: Type.String(), as_of: NString, source: Type.String() }, { additionalProperties: false })),
    resources: Type.Array(
      Type.Object({ key: Type.String(), kind: Type.Literal('link'), title: Type.String(), format: Type.String(), url: Type.String({ pattern: '^https?://' }) }, { additionalProperties: false }),
    ),
    source: Type.String({ minLength: 1 }),
    source_notes: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SeedDataset = Static<typeof SeedDataset>;

export class OpenDataSeedError extends Error {
  override name = 'OpenDataSeedError';
}

/** Reads one JSON array of the seed and checks every record against its schema; a missing file is an empty list. */
function readSeedArray<S extends TSchema>(dataDir: string, name: string, schema: S, what: string): Static<S>[] {
  const file = join(dataDir, 'open-data', name);
  if (!existsSync(file)) return [];
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new OpenDataSeedError(`${file}: expected an array of ${what}`);
  return raw.map((d, i) => {
    if (!Value.Check(schema, d)) {
      const first = [...Value.Errors(schema, d)][0];
      throw new OpenDataSeedError(`${file} [${i}]: ${first ? `${first.instancePath} ${first.message}` : 'invalid'}`);
    }
    return d as Static<S>;
  });
}

export function readOpenDataSeed(dataDir: string): SeedDataset[] {
  return readSeedArray(dataDir, 'datasets.json', SeedDataset, 'data sets');
}

export const SeedDemandRound = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }),
    organization: Type.String(),
    title: Type.String({ minLength: 1 }),
    description: NString,
    period_start: NString,
    period_end: NString,
    figures: Type.Array(Type.Object({ label: Type.String(), value: Type.String(), as_of: NString, source: Type.String() }, { additionalProperties: false })),
    source: Type.String({ minLength: 1 }),
    source_notes: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type SeedDemandRound = Static<typeof SeedDemandRound>;

/** data/open-data/demand-rounds.json: the demand rounds of seed commitment 10. */
export function readDemandRoundsSeed(dataDir: string): SeedDemandRound[] {
  return readSeedArray(dataDir, 'demand-rounds.json', SeedDemandRound, 'demand rounds');
}
