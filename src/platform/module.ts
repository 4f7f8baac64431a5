import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/create-db.ts';
import type { Clock } from './clock.ts';

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

/** A module declares itself here; src/modules.ts lists every manifest. */
export interface ModuleManifest {
  name: string;
  routes(app: App, deps: Deps): void | Promise<void>;
}
