// The notification worker: every few seconds, audit events → notifications (and their mail), then
// the digests that are due. Safe to run in several processes on one database.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { startPoller } from '../../platform/poller.ts';
import { sendDigests } from './commands/digests.ts';
import { fanOut, type FanOutOptions } from './commands/fan-out.ts';

export async function runNotificationJobs(db: Kysely<Database>, now: Date, o: FanOutOptions) {
  const fanned = await fanOut(db, now, o);
  const digests = await sendDigests(db, now, o);
  return { ...fanned, digests };
}

/** Starts the worker; returns a function that stops it and resolves once the pass under way, if any, has ended. */
export function startNotificationWorker(db: Kysely<Database>, now: () => Date, o: FanOutOptions, intervalMs: number, log: { warn(o: object, m: string): void }): () => Promise<void> {
  return startPoller('notification worker', intervalMs, () => runNotificationJobs(db, now(), o), log);
}
