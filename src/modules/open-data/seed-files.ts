// Reads and checks data/open-data/datasets.json: the catalog entries for the data sets the seed names.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static } from 'typebox';
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

export function readOpenDataSeed(dataDir: string): SeedDataset[] {
  const file = join(dataDir, 'open-data', 'datasets.json');
  if (!existsSync(file)) return [];
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new OpenDataSeedError(`${file}: expected an array of data sets`);
  return raw.map((d, i) => {
    if (!Value.Check(SeedDataset, d)) {
      const first = [...Value.Errors(SeedDataset, d)][0];
      throw new OpenDataSeedError(`${file} [${i}]: ${first ? `${first.instancePath} ${first.message}` : 'invalid'}`);
    }
    return d;
  });
}
