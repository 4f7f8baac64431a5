// A job run every few seconds in a serving process: a pass never overlaps the previous one, a failure
// is logged and the next pass tries again, and stopping waits for the pass under way (the database is
// closed after the jobs stop: a pass still running would lose its connection mid-query).

/** Starts the job; returns a function that stops it and resolves once the pass under way, if any, has ended. */
export function startPoller(name: string, intervalMs: number, pass: () => Promise<unknown>, log: { warn(o: object, m: string): void }): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .then(() => undefined)
      .catch((e) => log.warn({ err: e }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
