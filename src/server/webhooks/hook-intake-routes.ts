// Webhook intake at /hook/<udid> (SEMANTICS.md §10): any method; the hook's checks (enabled, API key, IP list,
// per-hook rate, queue room, 5 MB, data structure); the parsed request queued durably before any answer; then the
// answer from core (a Webhook response module's, `200 Accepted`, or `202` after the wait).
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HookRecord, WebhookResponse } from '../../core/server-types.ts';
import type { ApiEnv } from '../api/api-env.ts';
import type { ServerMetrics } from '../observability/metrics.ts';
import { MAX_PAYLOAD_BYTES, QUEUE_LIMIT, RATE_LIMIT } from './hook-limits.ts';
import { checkApiKey, checkIpRestriction } from './hook-options.ts';
import { parseWebhookRequest, WebhookBodyError } from './parse-webhook-request.ts';
import { createRateLimiter } from './rate-limit.ts';
import { validatePayload } from './validate-payload.ts';


export interface HookIntakeOptions {
  readonly metrics: ServerMetrics;
  /** Requests per window per hook (Make: 300 per 10 s). */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
}

const text = (status: number, body: string): Response => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export function hookIntakeRoutes(options: HookIntakeOptions): Hono<ApiEnv> {
  const limiter = createRateLimiter(options.rateLimit ?? RATE_LIMIT);
  const routes = new Hono<ApiEnv>();
  const answered = (response: Response): Response => {
    options.metrics.webhookAnswered(response.status);
    return response;
  };
  routes.all(
    '/:udid',
    bodyLimit({ maxSize: MAX_PAYLOAD_BYTES, onError: () => answered(text(413, `Payload too large: a webhook accepts at most ${MAX_PAYLOAD_BYTES} bytes.`)) }),
    async (c) => {
      const remake = c.get('remake');
      const hook = await remake.store.hooks.byUdid(c.req.param('udid'));
      if (!hook) return answered(text(404, 'There is no webhook at this address.'));
      if (!hook.enabled) return answered(text(410, 'This webhook is disabled.'));
      const headers = Object.fromEntries([...c.req.raw.headers].map(([name, value]) => [name.toLowerCase(), value]));
      const refusal = checkApiKey(hook.data, headers) ?? checkIpRestriction(hook.data.ip, getConnInfo(c).remote.address);
      if (refusal) return answered(text(refusal.status, refusal.message));
      if (!limiter.take(hook.id)) {
        const response = text(429, 'Too many requests.');
        response.headers.set('retry-after', String(limiter.retryAfter(hook.id)));
        return answered(response);
      }
      if ((await remake.store.queue.count(hook.id)) >= QUEUE_LIMIT) return answered(text(400, `The webhook's queue is full (${QUEUE_LIMIT} requests wait to be processed).`));
      const body = new Uint8Array(await c.req.arrayBuffer());
      const url = new URL(c.req.url);
      let request;
      try {
        request = await parseWebhookRequest({ method: c.req.method, url: `${url.pathname}${url.search}`, headers, body });
      } catch (error) {
        if (error instanceof WebhookBodyError) return answered(text(400, error.message));
        throw error;
      }
      const problems = await payloadProblems(remake.store, hook, request.body);
      if (problems.length > 0) return answered(text(400, `The payload does not match the webhook's data structure: ${problems.join('; ')}`));
      if (hook.learning) await remake.store.hooks.update(hook.id, { learning: false });
      const response = await remake.hooks.accept(hook, request, body.byteLength);
      return answered(toResponse(response));
    },
  );
  return routes;
}

/** Problems of the payload against the hook's data structure (`data.udt`), none when it has none. */
async function payloadProblems(store: ApiEnv['Variables']['remake']['store'], hook: HookRecord, payload: unknown): Promise<string[]> {
  const udt = Number(hook.data.udt);
  if (!Number.isInteger(udt) || udt <= 0) return [];
  const structure = await store.dataStructures.get(udt);
  if (!structure) return [`data structure ${udt} does not exist`];
  return validatePayload(structure.spec, payload, structure.strict);
}

/** The Webhook response module's answer as HTTP: text as is, anything else as JSON. */
function toResponse(response: WebhookResponse): Response {
  const headers = new Headers(Object.entries(response.headers));
  const body = typeof response.body === 'string' || response.body instanceof Uint8Array ? response.body : JSON.stringify(response.body ?? '');
  if (!headers.has('content-type')) headers.set('content-type', typeof response.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
  return new Response(body, { status: response.status, headers });
}
