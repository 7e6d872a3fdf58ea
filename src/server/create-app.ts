// The HTTP app of `remake serve`: webhooks at /hook/<udid>, the Make API v2 at /api/v2, /healthz and /metrics, and
// the MCP endpoint at /mcp when a handler is given (the CLI passes src/mcp/http.ts; this shell may not import it).
import { Hono, type Context } from 'hono';
import type { Remake } from '../core/remake.ts';
import type { ApiEnv } from './api/api-env.ts';
import { ApiError } from './api/api-error.ts';
import { tokenOf } from './api/auth.ts';
import { makeApi } from './api/make-api.ts';
import { hookIntakeRoutes } from './webhooks/hook-intake-routes.ts';
import { observabilityRoutes } from './observability/observability-routes.ts';
import type { ServerMetrics } from './observability/metrics.ts';

export interface AppOptions {
  readonly remake: Remake;
  readonly metrics: ServerMetrics;
  /** Webhook requests per window per hook (Make: 300 per 10 s). */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
  /** Serves MCP (Streamable HTTP) at /mcp, for every method, after the API token check; `url` is this server's address. */
  readonly mcp?: { readonly handler: McpHandler; url(): string };
}

/** An MCP endpoint: the request, the caller's API token and this server's URL (the Make API its tools call). */
export type McpHandler = (request: Request, context: { readonly token: string; readonly url: string }) => Promise<Response>;

function unauthorized(c: Context<ApiEnv>, detail: string): Response {
  return c.json(new ApiError(401, 'Unauthorized', detail, 'SC401').body(), 401);
}

/** /mcp: the same tokens as the API (`Bearer` or `Token`), 401 with Make's error body otherwise. */
async function serveMcp(c: Context<ApiEnv>, remake: Remake, mcp: NonNullable<AppOptions['mcp']>): Promise<Response> {
  const token = tokenOf(c.req.header('authorization'));
  if (!token) return unauthorized(c, 'Access denied. Send the API token as "Authorization: Bearer <token>".');
  if (!(await remake.store.tokens.find(token))) return unauthorized(c, 'Invalid access token.');
  return mcp.handler(c.req.raw, { token, url: mcp.url() });
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
  const mcp = options.mcp;
  if (mcp) app.all('/mcp', (c) => serveMcp(c, options.remake, mcp));
  return app;
}
