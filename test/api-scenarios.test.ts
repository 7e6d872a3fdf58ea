// The Make API v2 for scenarios and executions, driven only through the official SDK (@makehq/sdk) against a real
// `remake serve` on 127.0.0.1: create from a blueprint, read back, version, activate, run with data, read executions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MakeError } from '@makehq/sdk';
import { createWebhook, startTestServer, type TestRemakeServer } from './support/remake-server.ts';

const example = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../examples/${path}`, import.meta.url), 'utf8'));

describe('Make API v2: scenarios and executions through @makehq/sdk', () => {
  let t: TestRemakeServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.close());

  it('answers users/me, organizations and teams', async () => {
    const me = await t.make.users.me();
    assert.equal(me.id, 1);
    const organizations = await t.make.organizations.list();
    assert.deepEqual(organizations.map((item) => item.id), [1]);
    const teams = await t.make.teams.list(1);
    assert.deepEqual(teams.map((item) => item.id), [1]);
  });

  it('creates an on-demand scenario with an interface, runs it with data and reads the execution back', async () => {
    const blueprint = example('serve/greet-on-demand.blueprint.json');
    const created = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'on-demand' }) });
    assert.equal(created.name, 'Greet: an on-demand scenario with inputs and outputs');
    assert.equal(created.isActive, false);
    assert.deepEqual(created.usedPackages, ['scenario-service']);

    const iface = await t.make.scenarios.getInterface(created.id);
    assert.deepEqual(iface.input.map((field) => field.name), ['name']);
    const stored = await t.make.blueprints.get(created.id);
    assert.equal(stored.flow.length, 2);
    assert.deepEqual(stored.scheduling, { type: 'on-demand' });

    assert.equal(await t.make.scenarios.activate(created.id), true);
    const result = await t.make.scenarios.run(created.id, { name: 'ada' });
    assert.equal(result.status, 1);
    assert.deepEqual(result.outputs, { greeting: 'Hello, Ada!', letters: 3 });

    const logs = await t.make.executions.list(created.id);
    assert.equal(logs.length, 1);
    assert.equal(logs[0]?.id, result.executionId);
    assert.equal(logs[0]?.status, 1);
    assert.equal(logs[0]?.operations, 2);
    const detail = await t.make.executions.getDetail(created.id, result.executionId);
    assert.equal(detail.status, 'SUCCESS');
    assert.deepEqual(detail.outputs, { greeting: 'Hello, Ada!', letters: 3 });
    const modules = (detail as unknown as { modules: Record<string, { inputs: { mapper: unknown }[]; outputs: unknown[] }> }).modules;
    assert.deepEqual(modules['1']?.outputs, [{ name: 'ada' }]);
    assert.deepEqual(modules['2']?.inputs[0]?.mapper, { greeting: 'Hello, Ada!', letters: 3 });
  });

  it('keeps no bundles of a confidential scenario\'s runs, but answers the caller with its outputs', async () => {
    const blueprint = example('serve/greet-on-demand.blueprint.json') as { metadata: { scenario: Record<string, unknown> } };
    const confidential = { ...blueprint, metadata: { ...blueprint.metadata, scenario: { ...blueprint.metadata.scenario, confidential: true } } };
    const created = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(confidential), scheduling: JSON.stringify({ type: 'on-demand' }) });
    await t.make.scenarios.activate(created.id);
    const result = await t.make.scenarios.run(created.id, { name: 'ada' });
    assert.deepEqual(result.outputs, { greeting: 'Hello, Ada!', letters: 3 });
    const detail = (await t.make.executions.getDetail(created.id, result.executionId)) as unknown as { status: string; outputs?: unknown; modules: Record<string, { outputs: unknown[]; inputs: unknown[]; operations: number }> };
    assert.equal(detail.status, 'SUCCESS');
    assert.equal(detail.outputs, undefined);
    assert.deepEqual(detail.modules['1'], { module: 'scenario-service:StartSubscenario', operations: 1, outputs: [], errors: [], inputs: [] });
    assert.deepEqual(detail.modules['2']?.inputs, []);
  });

  it('keeps blueprint versions, renames, lists with paging and columns, stops and deletes', async () => {
    const blueprint = example('serve/greet-on-demand.blueprint.json');
    const created = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'on-demand' }) });
    const renamed = await t.make.scenarios.update(created.id, { name: 'Greeter', blueprint: JSON.stringify({ ...blueprint, name: 'Greeter v2' }) });
    assert.equal(renamed.name, 'Greeter');
    const versions = await t.make.blueprints.versions(created.id);
    assert.deepEqual(versions.map((item) => item.version).sort(), [1, 2]);

    const page = await t.make.scenarios.list(1, { pg: { limit: 1, offset: 0, sortBy: 'id', sortDir: 'desc' }, cols: ['id', 'name'] });
    assert.deepEqual(page, [{ id: created.id, name: 'Greeter' }]);

    await t.make.scenarios.activate(created.id);
    assert.equal(await t.make.scenarios.deactivate(created.id), true);
    await assert.rejects(t.make.scenarios.run(created.id, { name: 'x' }), (error: unknown) => error instanceof MakeError && error.statusCode === 400 && /not activated/.test(error.message));
    await t.make.scenarios.delete(created.id);
    await assert.rejects(t.make.scenarios.get(created.id), (error: unknown) => error instanceof MakeError && error.statusCode === 404);
  });

  it('refuses a second API run while one is going, as Make does, and answers with the execution id when not responsive', async () => {
    const blueprint = {
      name: 'slow',
      flow: [
        { id: 1, module: 'scenario-service:StartSubscenario', version: 2, parameters: {}, mapper: {} },
        { id: 2, module: 'util:FunctionSleep', version: 1, mapper: { duration: '1' } },
        { id: 3, module: 'scenario-service:ReturnData', version: 2, parameters: {}, mapper: { done: 'yes' } },
      ],
      metadata: { version: 1 },
    };
    const created = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'on-demand' }) });
    await t.make.scenarios.activate(created.id);
    const first = await t.make.scenarios.run(created.id, {}, { responsive: false });
    assert.match(String(first.executionId), /^[0-9a-f]{32}$/);
    assert.equal(first.status, undefined);
    await assert.rejects(t.make.scenarios.run(created.id, {}), (error: unknown) => error instanceof MakeError && error.statusCode === 400 && /already being executed/.test(error.message));
    assert.equal((await t.make.executions.getDetail(created.id, first.executionId)).status, 'RUNNING');
    for (let i = 0; i < 100 && t.server.remake.runs.isRunning(created.id); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await t.make.scenarios.run(created.id, {});
    assert.deepEqual(again.outputs, { done: 'yes' });
  });

  it('refuses a blueprint with a mistake, naming the module, and keeps nothing', async () => {
    const before = (await t.make.scenarios.list(1)).length;
    const broken = { name: 'broken', flow: [{ id: 1, module: 'util:SetVariable2', version: 1, mapper: { name: 'x', scope: 'roundtrip', value: '{{upper(1.a; }}' } }], metadata: { version: 1 } };
    await assert.rejects(
      t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(broken), scheduling: JSON.stringify({ type: 'on-demand' }) }),
      (error: unknown) => error instanceof MakeError && error.statusCode === 400 && /Module 1: IML syntax error at position 14/.test(error.message),
    );
    assert.equal((await t.make.scenarios.list(1)).length, before);
  });

  it('runs a webhook scenario for a request to its hook and answers with its Webhook response', async () => {
    const hook = await createWebhook(t.make);
    const blueprint = example('blueprints/order-webhook.blueprint.json') as { flow: Record<string, unknown>[] };
    const flow = [{ ...blueprint.flow[0], parameters: { hook: hook.id, maxResults: 1 } }, ...blueprint.flow.slice(1)];
    const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify({ ...blueprint, flow }), scheduling: JSON.stringify({ type: 'immediately' }) });
    assert.equal((scenario as unknown as { hookId: number }).hookId, hook.id);
    await t.make.scenarios.activate(scenario.id);

    const input = readFileSync(new URL('../examples/blueprints/order-webhook.input.json', import.meta.url), 'utf8');
    const response = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: input });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.order, 'A-1001');
    assert.equal(body.tag, 'big');

    const logs = await t.make.executions.list(scenario.id);
    assert.equal(logs.length, 1);
    assert.equal(logs[0]?.instant, true);
    const detail = await t.make.executions.getDetail(scenario.id, String(logs[0]?.id));
    assert.equal(detail.status, 'SUCCESS');
  });

  it('answers 401 for an unknown token and 403 for a token without the scope', async () => {
    const wrong = await fetch(`${t.server.url}/api/v2/scenarios?teamId=1`, { headers: { authorization: 'Token 00000000-0000-4000-8000-000000000000' } });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { code: string }).code, 'SC401');
    await t.server.remake.store.tokens.add('read-only-token', { label: 'read only', scopes: ['scenarios:read'], createdAt: new Date().toISOString() });
    const denied = await fetch(`${t.server.url}/api/v2/scenarios`, { method: 'POST', headers: { authorization: 'Bearer read-only-token', 'content-type': 'application/json' }, body: '{}' });
    assert.equal(denied.status, 403);
    assert.deepEqual(await denied.json(), { message: 'Permission denied', detail: "Access denied. The token lacks the scope 'scenarios:write'.", code: 'SC403' });
  });
});
