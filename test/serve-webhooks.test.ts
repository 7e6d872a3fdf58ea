// Webhooks of `remake serve` with real HTTP requests on 127.0.0.1: an outside system (as a Xano run job does) posting
// to a hook, custom answers, payload limits, data structure checks, API keys, rate limits, queues and the 202 fallback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWebhook, startTestServer, type TestRemakeServer } from './support/remake-server.ts';

const SETTINGS = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };

/** A webhook scenario: the trigger on `hookId`, then `rest` (module ids from 2). */
function webhookBlueprint(hookId: number, rest: Record<string, unknown>[], settings: Partial<typeof SETTINGS> = {}): string {
  return JSON.stringify({ name: `hook ${hookId}`, flow: [{ id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hookId, maxResults: 1 }, mapper: {} }, ...rest], metadata: { version: 1, scenario: { ...SETTINGS, ...settings } } });
}

const respond = (status: string, body: string): Record<string, unknown> => ({ id: 2, module: 'gateway:WebhookRespond', version: 1, parameters: {}, mapper: { status, body, headers: [{ key: 'Content-Type', value: 'application/json' }] } });

describe('remake serve: webhooks', () => {
  let t: TestRemakeServer;
  before(async () => {
    t = await startTestServer({ rateLimit: { limit: 5, windowMs: 60_000 }, answerTimeoutMs: 300 });
  });
  after(async () => t.close());

  async function scenarioOn(hookId: number, rest: Record<string, unknown>[], options: { activate?: boolean; settings?: Partial<typeof SETTINGS> } = {}): Promise<number> {
    const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: webhookBlueprint(hookId, rest, options.settings), scheduling: JSON.stringify({ type: 'immediately' }) });
    if (options.activate ?? true) await t.make.scenarios.activate(scenario.id);
    return scenario.id;
  }

  it('runs the scenario for an outside system posting {scenario_name, payload} (a Xano run job) and answers 200 Accepted', async () => {
    const hook = await createWebhook(t.make);
    const id = await scenarioOn(hook.id, [{ id: 2, module: 'util:SetVariable2', version: 1, mapper: { name: 'who', scope: 'roundtrip', value: '{{1.payload.customer.name}} via {{1.scenario_name}}' } }]);
    const response = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario_name: 'sync-customer', payload: { customer: { name: 'Ada' } } }) });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'Accepted');
    await t.server.remake.hooks.idle();
    const [log] = await t.make.executions.list(id);
    const detail = (await t.make.executions.getDetail(id, String(log?.id))) as unknown as { status: string; modules: Record<string, { outputs: Record<string, unknown>[] }> };
    assert.equal(detail.status, 'SUCCESS');
    assert.deepEqual(detail.modules['2']?.outputs, [{ who: 'Ada via sync-customer' }]);
  });

  it('answers with the Webhook response module: status 201 and a JSON body', async () => {
    const hook = await createWebhook(t.make);
    await scenarioOn(hook.id, [respond('201', '{"created": "{{1.name}}", "ok": true}')]);
    const response = await fetch(`${hook.url}?source=test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'lead-7' }) });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.deepEqual(await response.json(), { created: 'lead-7', ok: true });
  });

  it('refuses 5 MB + 1 byte with 413 and keeps nothing; accepts exactly 5 MB', async () => {
    const hook = await createWebhook(t.make);
    const limit = 5 * 1024 * 1024;
    const tooBig = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(limit + 1) });
    assert.equal(tooBig.status, 413);
    assert.equal((await t.make.hooks.get(hook.id)).queueCount, 0);
    const fits = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(limit) });
    assert.equal(fits.status, 200);
    assert.equal((await t.make.hooks.get(hook.id)).queueCount, 1, 'no active scenario: the request waits in the queue');
  });

  it('rejects a payload that does not match the hook data structure with 400 naming the field', async () => {
    const structure = await t.make.dataStructures.create({ name: 'order', teamId: 1, strict: true, spec: [{ name: 'id', type: 'text', required: true }, { name: 'qty', type: 'number' }] });
    const hook = await createWebhook(t.make, { udt: structure.id });
    const bad = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ qty: 'two', extra: 1 }) });
    assert.equal(bad.status, 400);
    const message = await bad.text();
    assert.match(message, /'id'/);
    assert.match(message, /'qty' must be a number/);
    assert.equal((await t.make.hooks.get(hook.id)).queueCount, 0);
    const good = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'A-1', qty: 2 }) });
    assert.equal(good.status, 200);
  });

  it('keeps requests for an inactive scenario in the queue and runs them in order when it is activated', async () => {
    const hook = await createWebhook(t.make);
    const id = await scenarioOn(hook.id, [{ id: 2, module: 'util:SetVariable2', version: 1, mapper: { name: 'n', scope: 'roundtrip', value: '{{1.n}}' } }], { activate: false, settings: { sequential: true } });
    for (const n of [1, 2, 3]) assert.equal((await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) })).status, 200);
    assert.equal((await t.make.hooks.get(hook.id)).queueCount, 3);
    assert.equal((await t.make.executions.list(id)).length, 0);
    await t.make.scenarios.activate(id);
    for (let i = 0; i < 100 && (await t.make.hooks.get(hook.id)).queueCount > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await t.server.remake.hooks.idle();
    const logs = await t.make.executions.list(id);
    const order: unknown[] = [];
    for (const log of [...logs].reverse()) {
      const detail = (await t.make.executions.getDetail(id, String(log.id))) as unknown as { modules: Record<string, { outputs: Record<string, unknown>[] }> };
      order.push(detail.modules['2']?.outputs[0]?.n);
    }
    assert.deepEqual(order, [1, 2, 3]);
  });

  it('runs each of many simultaneous requests exactly once when runs go in parallel', async () => {
    const own = await startTestServer(); // Make's own rate limit, not this suite's tiny one
    try {
      const hook = await createWebhook(own.make);
      const scenario = await own.make.scenarios.create({ teamId: 1, blueprint: webhookBlueprint(hook.id, [{ id: 2, module: 'datastore:AddRecord', version: 1, parameters: { datastore: 42 }, mapper: { key: '{{1.n}}', data: { n: '{{1.n}}' }, overwrite: false } }]), scheduling: JSON.stringify({ type: 'immediately' }) });
      await own.make.scenarios.activate(scenario.id);
      const senders = Array.from({ length: 8 }, async (_, sender) => {
        for (let n = sender * 10; n < sender * 10 + 10; n += 1) assert.equal((await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) })).status, 200);
      });
      await Promise.all(senders);
      for (let i = 0; i < 200 && (await own.make.hooks.get(hook.id)).queueCount > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      await own.server.remake.hooks.idle();
      const logs = await own.make.executions.list(scenario.id, { pg: { limit: 1000 } });
      assert.deepEqual(logs.map((log) => log.status), Array.from({ length: 80 }, () => 1), 'eighty successful runs, none refused as a duplicate, none left running');
      assert.equal((await own.server.remake.ports.dataStores.list('42')).length, 80);
    } finally {
      await own.close();
    }
  });

  it('answers 202 Accepted when the Webhook response module does not answer in time, and the run goes on', async () => {
    const hook = await createWebhook(t.make);
    const id = await scenarioOn(hook.id, [{ id: 3, module: 'util:FunctionSleep', version: 1, mapper: { duration: '1' } }, { ...respond('200', '"late"'), id: 4 }]);
    const response = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 202);
    await t.server.remake.hooks.idle();
    const [log] = await t.make.executions.list(id);
    assert.equal(log?.status, 1);
  });

  it('checks API keys in x-make-apikey, answers 410 for a disabled hook and 429 over the rate limit', async () => {
    const keyed = await createWebhook(t.make, { apiKeys: ['s3cret'] });
    assert.equal((await fetch(keyed.url, { method: 'POST', body: '{}' })).status, 401);
    assert.equal((await fetch(keyed.url, { method: 'POST', headers: { 'x-make-apikey': 'wrong' }, body: '{}' })).status, 401);
    assert.equal((await fetch(keyed.url, { method: 'POST', headers: { 'x-make-apikey': 's3cret' }, body: '{}' })).status, 200);

    const disabled = await createWebhook(t.make);
    await t.make.hooks.disable(disabled.id);
    assert.equal((await fetch(disabled.url, { method: 'POST', body: '{}' })).status, 410);

    const limited = await createWebhook(t.make);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await fetch(limited.url, { method: 'POST', body: '{}' })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    assert.equal((await t.make.hooks.get(limited.id)).queueCount, 5, 'the refused request was not queued');
  });

  it('serves /healthz and Prometheus /metrics with runs, webhook answers and queue depth', async () => {
    assert.equal((await fetch(`${t.server.url}/healthz`)).status, 200);
    const text = await (await fetch(`${t.server.url}/metrics`)).text();
    assert.match(text, /remake_executions_total\{status="success"\} [1-9]/);
    assert.match(text, /remake_webhook_requests_total\{status="413"\} 1/);
    assert.match(text, /remake_webhook_queue_depth\{hook="\d+"\} [1-9]/);
  });
});
