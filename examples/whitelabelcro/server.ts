// The WhiteLabelCRO reference server: node:http around the route table, with the X-Api-Key check, the write limit
// (429 + Retry-After), and injectable faults for retry tests. Run it: `npx tsx examples/whitelabelcro/server.ts --port 8787 --api-key demo`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createWriteLimiter } from './rate-limit.ts';
import { apiError, matchRoute, type Reply } from './routes.ts';
import { createCrmStore, type CrmRecords } from './store.ts';

export interface WhitelabelCroOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** The key every request must send as `X-Api-Key`. */
  readonly apiKey: string;
  readonly writeLimitPerMinute?: number;
  /** Milliseconds since the epoch; inject one to test the write limit and timestamps. */
  readonly clock?: () => number;
}

export interface WhitelabelCroServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
  records(): CrmRecords;
  /** The next `count` writes are refused with `status` (default 503) before anything is stored. */
  failNext(count: number, status?: number): void;
  /** The next `count` writes are stored but answered 503: the lost response that makes a retry send the same create twice. */
  failAfterWrite(count: number): void;
}

const MAX_BODY_BYTES = 1_000_000;

export async function startWhitelabelCro(options: WhitelabelCroOptions): Promise<WhitelabelCroServer> {
  const clock = options.clock ?? Date.now;
  const store = createCrmStore(clock);
  const limiter = createWriteLimiter(options.writeLimitPerMinute ?? 100, clock);
  const faults = { refuse: 0, refuseStatus: 503, loseResponse: 0 };

  async function answer(request: IncomingMessage): Promise<Reply & { readonly headers?: Readonly<Record<string, string>> }> {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.headers['x-api-key'] !== options.apiKey) {
      return apiError(401, 'unauthorized', request.headers['x-api-key'] === undefined ? 'Send your API key in the X-Api-Key header.' : 'The X-Api-Key is not valid.');
    }
    const match = matchRoute(request.method ?? 'GET', pathname);
    if (match.kind === 'no-path') return apiError(404, 'not_found', `There is no ${request.method} ${pathname} in the API.`);
    if (match.kind === 'wrong-method') return { ...apiError(405, 'method_not_allowed', `${pathname} takes ${match.allowed.join(', ')}.`), headers: { allow: match.allowed.join(', ') } };
    const { route, ids } = match;
    if (!route.write) return route.handle(store, { ids, body: {} });

    if (faults.refuse > 0) {
      faults.refuse -= 1;
      return apiError(faults.refuseStatus, 'unavailable', 'The service is briefly unavailable; try again.');
    }
    const limit = limiter.take();
    if (!limit.allowed) {
      const reply = apiError(429, 'rate_limited', `The write limit (${limit.limit} a minute) is reached; retry in ${limit.retryAfterSeconds} seconds.`);
      return { ...reply, headers: { 'retry-after': String(limit.retryAfterSeconds), 'x-ratelimit-limit': String(limit.limit), 'x-ratelimit-remaining': '0' } };
    }
    const rateHeaders = { 'x-ratelimit-limit': String(limit.limit), 'x-ratelimit-remaining': String(limit.remaining) };
    const body = await readJsonObject(request);
    if (!body.ok) return { ...apiError(body.status, body.code, body.message), headers: rateHeaders };
    const reply = route.handle(store, { ids, body: body.value });
    if (faults.loseResponse > 0 && reply.status >= 200 && reply.status < 300) {
      faults.loseResponse -= 1;
      return apiError(503, 'unavailable', 'The service is briefly unavailable; try again.');
    }
    return { ...reply, headers: rateHeaders };
  }

  const server = createServer((request, response) => {
    answer(request).then(
      (reply) => send(response, reply.status, reply.body, reply.headers),
      (error: unknown) => send(response, 500, { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    records: () => store.snapshot(),
    failNext(count, status = 503) {
      faults.refuse = count;
      faults.refuseStatus = status;
    },
    failAfterWrite(count) {
      faults.loseResponse = count;
    },
  };
}

type BodyResult = { readonly ok: true; readonly value: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

/** The request body as a JSON object; an empty body is `{}` (so a create then names its missing fields). */
async function readJsonObject(request: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, code: 'body_too_large', message: `The body is over ${MAX_BODY_BYTES} bytes.` };
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, status: 400, code: 'invalid_json', message: `The body is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, status: 400, code: 'invalid_json', message: 'The body must be a JSON object.' };
  return { ok: true, value: value as Record<string, unknown> };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** `npx tsx examples/whitelabelcro/server.ts [--port 8787] [--host 127.0.0.1] [--api-key demo] [--write-limit 100]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string', default: 'demo' },
      'write-limit': { type: 'string', default: '100' },
    },
  });
  const apiKey = values['api-key'];
  const writeLimitPerMinute = Number(values['write-limit']);
  const server = await startWhitelabelCro({ port: Number(values.port), host: values.host, apiKey, writeLimitPerMinute });
  console.log(`WhiteLabelCRO reference API listening on ${server.url} (routes under /api/v1, X-Api-Key: ${apiKey}, write limit ${writeLimitPerMinute} a minute). Ctrl-C stops it.`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
