// SEMANTICS.md rules 15 and 90: a sequential scenario with an unresolved incomplete execution stops taking webhook
// requests (they keep queuing) and goes on, in order, once the incomplete execution is resolved.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startHttpServer, type TestServer } from './support/http-test-server.ts';
import { createWebhook, startTestServer, type TestRemakeServer } from './support/remake-server.ts';

let t: TestRemakeServer;
let crm: TestServer;
let failing = true;
const received: unknown[] = [];
before(async () => {
  crm = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (failing) {
        response.writeHead(503).end('down');
        return;
      }
      received.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
    });
  });
  t = await startTestServer();
});
after(async () => {
  await t.close();
  await crm.close();
});

const waitFor = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
};

it('holds the queue while an incomplete execution is unresolved, then runs the waiting requests in order', async () => {
  const hook = await createWebhook(t.make);
  const blueprint = {
    name: 'sequential with incomplete executions',
    flow: [
      { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hook.id, maxResults: 1 }, mapper: {} },
      { id: 2, module: 'http:ActionSendData', version: 3, parameters: { handleErrors: true }, mapper: { url: `${crm.url}/leads`, method: 'post', headers: [], qs: [], bodyType: 'raw', contentType: 'application/json', data: '{"n": {{1.n}}}', parseResponse: true } },
    ],
    metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: true, confidential: false, dataloss: false, dlq: true, freshVariables: false } },
  };
  const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'immediately' }) });
  await t.make.scenarios.activate(scenario.id);

  const post = (n: number) => fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
  assert.equal((await post(1)).status, 200);
  await waitFor(async () => (await t.make.incompleteExecutions.list(scenario.id)).length === 1);
  const [stored] = await t.make.incompleteExecutions.list(scenario.id);
  assert.ok(stored, 'the 503 was stored as an incomplete execution');

  failing = false;
  assert.equal((await post(2)).status, 200);
  assert.equal((await post(3)).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal((await t.make.hooks.get(hook.id)).queueCount, 2, 'requests wait while the incomplete execution is unresolved');
  assert.deepEqual(received, []);

  await t.make.incompleteExecutions.retry(String(stored.id));
  assert.deepEqual(await t.make.incompleteExecutions.list(scenario.id), []);
  await t.server.remake.scheduler.tick(); // the tick offers waiting queues again
  await waitFor(async () => (await t.make.hooks.get(hook.id)).queueCount === 0);
  await t.server.remake.hooks.idle();
  assert.deepEqual(received, [{ n: 1 }, { n: 2 }, { n: 3 }], 'the retried request first, then the waiting ones in order');
  assert.equal(scenario.isActive, false, 'created inactive');
  assert.equal((await t.make.scenarios.get(scenario.id)).isActive, true, 'a stored incomplete execution does not switch the scenario off');
});
