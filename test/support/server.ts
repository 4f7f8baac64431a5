import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config.ts';
import { testApp, type TestContext } from './app.ts';

/** The real application listening on a free loopback port; close() stops it and drops its database. */
export async function startServer(config: Partial<Config> = {}): Promise<TestContext & { url: string }> {
  const ctx = await testApp({ config });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = ctx.app.server.address() as AddressInfo;
  return { ...ctx, url: `http://127.0.0.1:${port}` };
}
