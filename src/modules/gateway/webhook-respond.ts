// Webhook response (gateway:WebhookRespond): the status, headers and body the webhook caller receives (SEMANTICS.md rule 99).
import { z } from 'zod';
import { array, number, optional } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule } from '../../executor/module-api.ts';
import { toText } from '../../iml/index.ts';

const Header = z.object({ key: z.unknown(), value: z.unknown() }).loose();

export const webhookRespond = defineModule({
  app: 'gateway', name: 'WebhookRespond', version: 1, kind: 'responder',
  title: 'Webhook response',
  description: 'Answers the request that started the scenario with a status, headers and a body.',
  parameters: z.unknown(),
  mapper: z.object({ status: optional(number()), body: z.unknown().optional(), headers: optional(array(Header)) }).loose(),
  output: [],
  example: { id: 9, module: 'gateway:WebhookRespond', version: 1, mapper: { status: '200', body: '{"ok": true}', headers: [{ key: 'Content-Type', value: 'application/json' }] } },
  run(ctx, { mapper }) {
    const status = mapper.status ?? 200;
    if (!Number.isInteger(status) || status < 100 || status > 599) throw new MakeError('BundleValidationError', `Webhook response status must be an HTTP status from 100 to 599; got ${status}.`);
    const headers: Record<string, string> = {};
    for (const header of mapper.headers ?? []) headers[toText(header.key).toLowerCase()] = toText(header.value);
    ctx.respond({ status, headers, body: mapper.body === undefined || mapper.body === null ? '' : typeof mapper.body === 'string' ? mapper.body : mapper.body });
    return [{}];
  },
});
