// The HTTP app of `remake serve`: webhooks at /hook/<udid>, the Make API v2 at /api/v2, /healthz and /metrics.
import { Hono } from 'hono';
import type { Remake } from '../core/remake.ts';
import type { ApiEnv } from './api/api-env.ts';
import { makeApi } from './api/make-api.ts';
import { hookIntakeRoutes } from './webhooks/hook-intake-routes.ts';
import { observabilityRoutes } from './observability/observability-routes.ts';
import type { ServerMetrics } from './observability/metrics.ts';

export interface AppOptions {
  readonly remake: Remake;
  readonly metrics: ServerMetrics;
  /** Webhook requests per window per hook (Make: 300 per 10 s). */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
}

export function createApp(options: AppOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', async (c, next) => {
    c.set('remake', options.remake);
    await next();
  });
  app.route('/', observabilityRoutes(options.metrics));
  app.route('/hook', hookIntakeRoutes({ metrics: options.metrics, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) }));
  app.route('/api/v2', makeApi());
  return app;
}
