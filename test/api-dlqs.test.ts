// Incomplete executions (DLQ) through the official SDK against a real `remake serve`: a scenario whose HTTP call fails
// with 503 stores one, it is read, retried while still failing, retried after the service recovers, and the retry loop
// follows Make's schedule and Break's count on an injected clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MakeError } from '@makehq/sdk';
import { createRetryLoop } from '../src/core/incomplete-retries.ts';
import { readBody, sendJson, startHttpServer, type TestServer } from './support/http-test-server.ts';
import { startTestServer, type TestRemakeServer } from './support/remake-server.ts';

/** A service that answers 503 (a ConnectionError, stored with Make's automatic retry) until `failing` is false. */
interface FlakyService extends TestServer {
  failing: boolean;
  readonly received: { method: string; body: string }[];
}

async function startFlaky(): Promise<FlakyService> {
  const received: { method: string; body: string }[] = [];
  const state = { failing: true };
  const server = await startHttpServer(async (request, response) => {
    received.push({ method: request.method ?? '', body: (await readBody(request)).toString('utf8') });
    if (state.failing) return sendJson(response, 503, { error: 'down for maintenance' });
    return sendJson(response, 200, { greeted: true });
  });
  return Object.assign(state, { ...server, received });
}

function blueprint(url: string): Record<string, unknown> {
  return {
    name: 'Greet through a flaky service',
    flow: [
      { id: 1, module: 'util:SetVariable2', version: 1, mapper: { name: 'who', scope: 'roundtrip', value: 'Ada' } },
      {
        id: 2,
        module: 'http:ActionSendData',
        version: 3,
        parameters: { handleErrors: true },
        mapper: { url: `${url}/greet`, method: 'post', headers: [], qs: [], bodyType: 'raw', contentType: 'application/json', data: '{"who": "{{1.who}}"}', parseResponse: true },
      },
    ],
    metadata: {
      version: 1,
      scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: true, freshVariables: false },
      designer: { orphans: [] },
    },
  };
}

async function failingScenario(t: TestRemakeServer, flaky: FlakyService): Promise<{ scenarioId: number; executionId: string }> {
  const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint(flaky.url)), scheduling: JSON.stringify({ type: 'on-demand' }) });
  await t.make.scenarios.activate(scenario.id);
  const run = await t.make.scenarios.run(scenario.id, {});
  assert.equal(run.status, 2, 'a stored incomplete execution ends the run with a warning');
  return { scenarioId: scenario.id, executionId: run.executionId };
}

describe('Make API v2: incomplete executions through @makehq/sdk', () => {
  let t: TestRemakeServer;
  let flaky: FlakyService;
  before(async () => {
    t = await startTestServer();
    flaky = await startFlaky();
  });
  after(async () => {
    await t.close();
    await flaky.close();
  });

  it('stores the failed call, shows it, keeps it on a failed retry and resolves it once the service answers', async () => {
    flaky.failing = true;
    flaky.received.length = 0;
    const { scenarioId, executionId } = await failingScenario(t, flaky);

    const [item, ...rest] = await t.make.incompleteExecutions.list(scenarioId);
    assert.ok(item);
    assert.equal(rest.length, 0);
    assert.match(String(item.reason), /503/);
    assert.equal(item.resolved, false);
    assert.equal(item.retry, true, 'ConnectionError is retried automatically (rule 84)');
    assert.equal(item.attempts, 0);
    assert.ok(item.size > 0);

    const detail = await t.make.incompleteExecutions.get(item.id);
    assert.equal(detail.scenarioId, scenarioId);
    assert.equal(detail.executionId, executionId);
    assert.deepEqual(await t.make.incompleteExecutions.bundle(item.id), { '1': { who: 'Ada' } });

    await t.make.incompleteExecutions.retry(item.id);
    const again = await t.make.incompleteExecutions.get(item.id);
    assert.equal(again.attempts, 1, 'a failed retry updates the same record');

    flaky.failing = false;
    await t.make.incompleteExecutions.retry(item.id);
    await assert.rejects(t.make.incompleteExecutions.get(item.id), (error: unknown) => error instanceof MakeError && error.statusCode === 404);
    assert.deepEqual(await t.make.incompleteExecutions.list(scenarioId), []);

    const logs = await t.make.executions.listForIncompleteExecution(item.id);
    assert.deepEqual(logs.map((log) => [log.type, log.status]), [['retry', 1], ['retry', 2]]);
    const one = await t.make.executions.getForIncompleteExecution(item.id, String(logs[0]?.id));
    assert.equal(one.status, 1);
    const history = await t.make.executions.list(scenarioId);
    assert.deepEqual(history.map((log) => log.type).sort(), ['manual', 'retry', 'retry']);

    assert.deepEqual(flaky.received.map((request) => request.method), ['POST', 'POST', 'POST']);
    assert.deepEqual(JSON.parse(flaky.received[2]?.body ?? ''), { who: 'Ada' });
  });

  it('changes the failed module and blueprint, and deletes one or all (all needs confirmed=true)', async () => {
    flaky.failing = true;
    const { scenarioId } = await failingScenario(t, flaky);
    await t.make.scenarios.run(scenarioId, {});
    const [first, second] = await t.make.incompleteExecutions.list(scenarioId);
    assert.ok(first && second);

    const changed = blueprint(flaky.url);
    const updated = await t.make.incompleteExecutions.update(first.id, { blueprint: JSON.stringify({ ...changed, name: 'Fixed' }), failer: 2 });
    assert.equal(updated.failer, 2);
    assert.equal((updated.blueprint as { name: string }).name, 'Fixed');
    await assert.rejects(t.make.incompleteExecutions.update(first.id, { failer: 9 }), (error: unknown) => error instanceof MakeError && error.statusCode === 400 && /Module 9/.test(error.message));

    const refused = await t.api(`/dlqs?scenarioId=${scenarioId}`, { method: 'DELETE', body: JSON.stringify({ all: true }) });
    assert.equal(refused.status, 406);
    assert.equal(((await refused.json()) as { code: string }).code, 'IM004');
    const one = await t.api(`/dlqs/${first.id}`, { method: 'DELETE' });
    assert.equal(one.status, 200);
    const all = await t.api(`/dlqs?scenarioId=${scenarioId}&confirmed=true`, { method: 'DELETE', body: JSON.stringify({ all: true }) });
    assert.deepEqual(await all.json(), { dlqs: [second.id] });
    assert.deepEqual(await t.make.incompleteExecutions.list(scenarioId), []);
  });
});

describe('the automatic retry loop on an injected clock', () => {
  let t: TestRemakeServer;
  let flaky: FlakyService;
  let now = Date.parse('2025-03-01T10:00:00.000Z');
  const minutes = (count: number): void => {
    now += count * 60_000;
  };
  before(async () => {
    t = await startTestServer({ clock: () => new Date(now) });
    flaky = await startFlaky();
  });
  after(async () => {
    await t.close();
    await flaky.close();
  });

  it("retries on Make's schedule (1 min, then 10 min after that) and resolves when the service is back", async () => {
    const { scenarioId } = await failingScenario(t, flaky);
    const loop = createRetryLoop(t.server.remake, { intervalMs: 60_000 });
    assert.deepEqual(await loop.tick(), [], 'nothing is due before the first minute');

    minutes(1);
    const [failed] = await loop.tick();
    assert.equal(failed?.resolved, false);
    const [record] = await t.server.remake.ports.incomplete.list(String(scenarioId));
    assert.equal(record?.attempts, 1);
    assert.equal(record?.nextRetryAt, new Date(now + 10 * 60_000).toISOString());

    minutes(9);
    assert.deepEqual(await loop.tick(), []);
    minutes(1);
    flaky.failing = false;
    const [resolved] = await loop.tick();
    assert.equal(resolved?.resolved, true);
    assert.deepEqual(await t.server.remake.ports.incomplete.list(String(scenarioId)), []);
  });

  it("stops after a Break's count of attempts, one interval apart", async () => {
    flaky.failing = true;
    const { scenarioId } = await failingScenario(t, flaky);
    const port = t.server.remake.ports.incomplete;
    const [stored] = await port.list(String(scenarioId));
    assert.ok(stored);
    await port.save({ ...stored, retry: { enabled: true, attempts: 2, intervalMinutes: 15 }, nextRetryAt: null });
    const loop = createRetryLoop(t.server.remake, { intervalMs: 60_000 });

    minutes(14);
    assert.deepEqual(await loop.tick(), []);
    minutes(1);
    assert.equal((await loop.tick()).length, 1);
    minutes(15);
    assert.equal((await loop.tick()).length, 1);
    const [exhausted] = await port.list(String(scenarioId));
    assert.equal(exhausted?.attempts, 2);
    assert.equal(exhausted?.nextRetryAt, null, 'no automatic attempt is left');
    minutes(600);
    assert.deepEqual(await loop.tick(), []);
  });
});
