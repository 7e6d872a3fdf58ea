// Custom webhook trigger (gateway:CustomWebHook): the request that started the run becomes its output bundle
// (SEMANTICS.md §10): body fields at the top level, query parameters merged in with the query winning (rule 95, GUESS).
import { z } from 'zod';
import { isCollection } from '../../iml/index.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule, type WebhookRequest } from '../../executor/module-api.ts';

/** Hook options the CLI can set (`remake serve` reads them from the stored hook). */
const HookOptions = z.object({ hook: z.unknown().optional(), maxResults: z.unknown().optional(), headers: z.boolean().optional(), method: z.boolean().optional(), stringify: z.boolean().optional() }).loose();

export const customWebhook = defineModule({
  app: 'gateway', name: 'CustomWebHook', version: 1, kind: 'instant-trigger',
  title: 'Custom webhook',
  description: 'Starts the scenario with each HTTP request sent to the hook URL; the payload fields are its output.',
  parameters: HookOptions,
  mapper: z.unknown(),
  output: [
    { name: '<payload fields>', type: 'any', label: 'Fields of the JSON, form or query payload' },
    { name: '__IMTHEADERS__', type: 'array', label: 'Headers (with "Get request headers")' },
    { name: '__IMTMETHOD__', type: 'text', label: 'Method (with "Get request HTTP method")' },
  ],
  example: { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 123456, maxResults: 1 }, mapper: {} },
  run(ctx, { parameters }) {
    if (ctx.trigger.kind !== 'webhook') throw new MakeError('InvalidConfigurationError', 'The webhook trigger runs only when a request arrives; give the request body with --input.');
    return [payloadOf(ctx.trigger.request, { ...parameters, ...ctx.trigger.request.hookOptions })];
  },
});

function payloadOf(request: WebhookRequest, options: z.infer<typeof HookOptions>): Record<string, unknown> {
  // JSON pass-through keeps the raw body as text (rule 97).
  const body = options.stringify ? { value: request.rawBody ?? JSON.stringify(request.body) } : isCollection(request.body) ? request.body : request.body === undefined || request.body === '' ? {} : { value: request.body };
  const out: Record<string, unknown> = { ...body, ...request.query };
  if (options.headers) out.__IMTHEADERS__ = Object.entries(request.headers).map(([name, value]) => ({ name, value }));
  if (options.method) out.__IMTMETHOD__ = request.method;
  return out;
}
