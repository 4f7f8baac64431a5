// Counts served from memory for a moment during a surge, so that thousands of readers a second
// cost one query per petition per window. Each batch of signatures this process commits puts the
// petition's new count here at once (SignatureBatcher's onCommitted), so during a surge readers of
// this process see every committed count without a query; another process's signatures show
// within the window (COUNT_CACHE_MS).
import type { CountSnapshot } from './commands/sign-petition.ts';

export const COUNT_CACHE_MS = 200;
const MAX_ENTRIES = 10_000;

export type CountBody = CountSnapshot;

export interface CountEntry {
  at: number;
  body: CountBody;
  etag: string;
}

export class CountCache {
  private entries = new Map<number, CountEntry>();

  get(id: number, now = Date.now()): CountEntry | undefined {
    const e = this.entries.get(id);
    return e && now - e.at <= COUNT_CACHE_MS ? e : undefined;
  }

  /**
   * Keeps the newest of what it is given: a read that started before a batch committed may finish
   * after it, and must not put the older count back. Counts only grow and states only move on.
   */
  set(body: CountBody, now = Date.now()): CountEntry {
    const current = this.get(body.id, now);
    if (current && current.body.count > body.count) return current;
    const entry = { at: now, body, etag: `"${body.id}-${body.count}-${body.state}"` };
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(body.id)) this.entries.clear();
    this.entries.set(body.id, entry);
    return entry;
  }

  drop(id: number) {
    this.entries.delete(id);
  }
}
