// Custom webhook output (body, query, hook options) and the Webhook response module's answer and checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestModuleContext, runModule } from '../../../test/support/module-context.ts';
import { MakeError } from '../../executor/make-error.ts';
import { customWebhook } from './custom-webhook.ts';
import { webhookRespond } from './webhook-respond.ts';

const request = { method: 'PUT', headers: { 'content-type': 'application/json', 'x-id': '7' }, query: { page: '2' }, body: { page: '1', name: 'Ada' }, rawBody: '{"page":"1","name":"Ada"}' };

test('the webhook outputs the body fields with the query merged in, query winning', async () => {
  const ctx = createTestModuleContext({ trigger: { kind: 'webhook', request } });
  assert.deepEqual(await runModule(customWebhook, { parameters: { hook: 1 } }, ctx), [{ page: '2', name: 'Ada' }]);
});

test('hook options add headers and method, or pass the raw JSON through', async () => {
  const ctx = createTestModuleContext({ trigger: { kind: 'webhook', request } });
  const [withOptions] = await runModule(customWebhook, { parameters: { hook: 1, headers: true, method: true } }, ctx);
  assert.deepEqual(withOptions?.__IMTHEADERS__, [{ name: 'content-type', value: 'application/json' }, { name: 'x-id', value: '7' }]);
  assert.equal(withOptions?.__IMTMETHOD__, 'PUT');
  assert.deepEqual(await runModule(customWebhook, { parameters: { hook: 1, stringify: true } }, ctx), [{ value: '{"page":"1","name":"Ada"}', page: '2' }]);
});

test('the webhook trigger without a request fails with InvalidConfigurationError', async () => {
  await assert.rejects(runModule(customWebhook, { parameters: { hook: 1 } }, createTestModuleContext({ trigger: { kind: 'none' } })), (error: unknown) => error instanceof MakeError && error.type === 'InvalidConfigurationError');
});

test('the webhook response sends status, lower-cased headers and body; a bad status is a BundleValidationError', async () => {
  const ctx = createTestModuleContext();
  await runModule(webhookRespond, { mapper: { status: '201', body: '{"ok":true}', headers: [{ key: 'Content-Type', value: 'application/json' }] } }, ctx);
  assert.deepEqual(ctx.responses, [{ status: 201, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }]);
  await assert.rejects(runModule(webhookRespond, { mapper: { status: '99' } }), (error: unknown) => error instanceof MakeError && error.type === 'BundleValidationError');
  await assert.rejects(runModule(webhookRespond, { mapper: { status: 'abc' } }), (error: unknown) => error instanceof MakeError && /mapper\.status/.test(error.message));
});
