// GET /healthz (200 once the server is ready) and GET /metrics (Prometheus text format), without auth as is usual.
import { Hono } from 'hono';
import type { ApiEnv } from '../api/api-env.ts';
import type { ServerMetrics } from './metrics.ts';

export function observabilityRoutes(metrics: ServerMetrics): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/healthz', async (c) => {
    await c.get('remake').store.tokens.count(); // answers only when the database answers
    return c.json({ status: 'ok' });
  });
  routes.get('/metrics', async (c) => c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));
  return routes;
}
