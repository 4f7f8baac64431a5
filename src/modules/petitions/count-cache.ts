// Counts served from memory for a moment during a surge, so that thousands of readers a second
// cost one query per petition per window. A signature taken by this process drops its entry at
// once; another process's signatures show within the window (COUNT_CACHE_MS).
export const COUNT_CACHE_MS = 200;

export interface CountBody {
  id: number;
  count: number;
  threshold: number | null;
  threshold_reached_at: string | null;
  state: string;
}

export class CountCache {
  private entries = new Map<number, { at: number; body: CountBody; etag: string }>();

  get(id: number, now = Date.now()) {
    const e = this.entries.get(id);
    return e && now - e.at <= COUNT_CACHE_MS ? e : undefined;
  }

  set(body: CountBody, now = Date.now()) {
    const entry = { at: now, body, etag: `"${body.id}-${body.count}-${body.state}"` };
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(body.id, entry);
    return entry;
  }

  drop(id: number) {
    this.entries.delete(id);
  }
}
