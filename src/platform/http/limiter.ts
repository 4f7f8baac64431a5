// A fixed-window counter per key, kept in this process: the per-identity limit on signing and
// voting (the per-address limit is @fastify/rate-limit's). Old windows are dropped as they expire.
export class KeyedLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
  ) {}

  /** True when the key may act now (and counts the attempt). */
  take(key: string, now = Date.now()): boolean {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= this.max;
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
