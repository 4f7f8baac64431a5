import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { App } from '../module.ts';

/** Prometheus metrics at /metrics: process figures and a histogram of request durations by route. */
export function registerMetrics(app: App) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'madang_' });
  const duration = new Histogram({
    name: 'madang_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'madang_http_server_errors_total',
    help: 'Requests answered with a 5xx status',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
