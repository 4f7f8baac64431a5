import { sql } from 'kysely';
import type { App, Deps } from '../module.ts';

export function healthRoutes(app: App, deps: Deps) {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.handle.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: deps.handle.dialect });
    } catch {
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable', database: deps.handle.dialect });
    }
  });
}
