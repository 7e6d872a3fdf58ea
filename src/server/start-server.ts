// Starts `remake serve`: the Remake core on the data dir's SQLite file, the HTTP app on host:port, the API token
// (created and printed on first start unless REMAKE_API_TOKEN is set), recovery of half-done work, and a clean stop.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createRetryLoop } from '../core/incomplete-retries.ts';
import { DEFAULT_RETENTION_DAYS, keepExecutions } from '../core/execution-retention.ts';
import { createRemake, type Remake, type RemakeOptions } from '../core/remake.ts';
import { ALL_SCOPES } from './api/auth.ts';
import { createApp, type McpHandler } from './create-app.ts';
import { createServerMetrics } from './observability/metrics.ts';

export interface ServerOptions extends Omit<RemakeOptions, 'onFinished'> {
  readonly port?: number;
  readonly host?: string;
  /** The API token to accept (REMAKE_API_TOKEN); a new one is created on first start when absent. */
  readonly apiToken?: string;
  /** Webhook requests per window per hook (Make: 300 per 10 s). */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
  /** Finished executions older than this many days are deleted, hourly (default 30). */
  readonly retentionDays?: number;
  /** Serves MCP at /mcp (src/mcp/http.ts, passed in by the CLI: this shell may not import src/mcp/). */
  readonly mcp?: McpHandler;
}

export interface RunningServer {
  readonly remake: Remake;
  readonly url: string;
  readonly port: number;
  /** The token created on this start, if one was (printed once; only its hash is stored). */
  readonly createdToken: string | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const metrics = createServerMetrics();
  const remake = createRemake({ ...options, onFinished: (execution) => metrics.runFinished(execution) });
  metrics.watchQueues(remake.store);
  const createdToken = await ensureToken(remake, options.apiToken);
  const self = { url: '' };
  const mcp = options.mcp ? { mcp: { handler: options.mcp, url: () => self.url } } : {};
  const app = createApp({ remake, metrics, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}), ...mcp });
  const host = options.host ?? '127.0.0.1';
  const server = await listen(app.fetch, host, options.port ?? 8080);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  remake.setPublicUrl(url);
  self.url = url;
  await remake.recover();
  remake.scheduler.start();
  // Incomplete executions are retried on Break's interval or Make's schedule (SEMANTICS.md §9).
  const retries = createRetryLoop(remake, { intervalMs: 30_000 });
  retries.start();
  const retention = keepExecutions(remake, options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  remake.log({ event: 'server.started', url });
  return {
    remake,
    url,
    port,
    createdToken,
    async close() {
      retries.stop();
      retention.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await remake.close();
    },
  };
}

async function ensureToken(remake: Remake, given: string | undefined): Promise<string | null> {
  if (given) {
    if (!(await remake.store.tokens.find(given))) await remake.store.tokens.add(given, { label: 'REMAKE_API_TOKEN', scopes: [...ALL_SCOPES], createdAt: remake.clock().toISOString() });
    return null;
  }
  if ((await remake.store.tokens.count()) > 0) return null;
  const token = randomUUID(); // a UUIDv4, so the Make SDK sends it as "Token <uuid>" (MAKE-API.md §1.1)
  await remake.store.tokens.add(token, { label: 'created on first start', scopes: [...ALL_SCOPES], createdAt: remake.clock().toISOString() });
  return token;
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', reject);
  });
}
