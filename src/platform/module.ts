import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/create-db.ts';
import type { Clock } from './clock.ts';
import type { Locale } from './i18n/i18n.ts';
import type { SearchSource } from './search-source.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface Deps {
  config: Config;
  handle: Db;
  clock: Clock;
}

/** A text the platform itself writes, in each language of the site (the type checker asks for both). */
export type Localized<T = string> = Record<Locale, T>;

/** One downloadable form of a public collection: its JSON API, its CSV export or its Atom feed. */
export interface CollectionResource {
  key: string;
  title: Localized;
  format: 'JSON' | 'CSV' | 'Atom';
  /** A path on this site, as the API and the pages give it. */
  url: string;
}

/**
 * A collection the platform holds and publishes, such as the petitions or the meetings of the
 * forums. The open-data catalog lists every module's collections as data sets of their own, with the
 * module's API and CSV as resources, so the platform's own data is found where all open data is.
 */
export interface PublicCollection {
  /** The data set's slug in the catalog; stable once published. */
  slug: string;
  title: Localized;
  description: Localized;
  keywords: Localized<string[]>;
  /** The page where a person reads the collection. */
  landingPage: string;
  temporalCoverage?: string | null;
  spatialCoverage?: string | null;
  resources: CollectionResource[];
}

/** A module declares itself here; src/modules.ts lists every manifest. */
export interface ModuleManifest {
  name: string;
  routes(app: App, deps: Deps): void | Promise<void>;
  /** The collections the module publishes in the catalog (read at start, and at every import). */
  collections?(db: Kysely<Database>): Promise<PublicCollection[]>;
  /** The records the module offers to search, each kind with its audit entity type (kept current from the audit trail). */
  search?: SearchSource[];
}
