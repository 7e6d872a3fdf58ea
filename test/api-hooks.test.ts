// The hooks API of `remake serve` driven by the official SDK (`@makehq/sdk`) against a real server, and the hook
// queue endpoints (no SDK methods in 1.6) through fetch.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Make, MakeError } from '@makehq/sdk';
import { startServer, type RunningServer } from '../src/server/start-server.ts';

const TEAM = 1;

describe('hooks API through the Make SDK', () => {
  let dataDir: string;
  let server: RunningServer;
  let make: Make;
  let token: string;

  const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const response = await fetch(`${server.url}/api/v2${path}`, {
      method,
      headers: { authorization: `Token ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    return { status: response.status, json: await response.json() };
  };
  const enqueue = (hookId: number, body: unknown) =>
    server.remake.store.queue.push(hookId, { method: 'POST', headers: {}, query: {}, body }, 7, new Date().toISOString());
  const rejects = async (promise: Promise<unknown>, status: number, pattern?: RegExp) => {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof MakeError, `expected a MakeError, got ${String(error)}`);
      assert.equal(error.statusCode, status);
      if (pattern) assert.match(error.message, pattern);
      return true;
    });
  };
  const webhook = (name: string, data: Record<string, boolean> = { headers: false, method: false, stringify: false }) =>
    make.hooks.create({ name, teamId: TEAM, typeName: 'gateway-webhook', data });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'remake-api-hooks-'));
    token = randomUUID();
    server = await startServer({ dataDir, port: 0, host: '127.0.0.1', apiToken: token });
    make = new Make(token, `127.0.0.1:${server.port}`);
    make.protocol = 'http';
  });
  after(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a custom webhook with Make’s hook object and a URL on this server', async () => {
    const hook = await webhook('Orders');
    assert.equal(hook.name, 'Orders');
    assert.equal(hook.teamId, TEAM);
    assert.match(hook.udid, /^[a-z0-9]{32}$/);
    assert.equal(hook.url, `${server.url}/hook/${hook.udid}`);
    assert.equal(hook.type, 'web');
    assert.equal(hook.typeName, 'gateway-webhook');
    assert.equal(hook.packageName, null);
    assert.match(hook.theme, /^#[0-9a-f]{6}$/);
    assert.equal(hook.editable, true);
    assert.equal(hook.queueCount, 0);
    assert.equal(hook.queueLimit, 10000);
    assert.equal(hook.enabled, true);
    assert.equal(hook.gone, false);
    assert.equal(hook.scenarioId, null);
    assert.deepEqual(hook.data, { headers: false, method: false, stringify: false, ip: null, udt: null, teamId: TEAM });
    assert.deepEqual(await make.hooks.get(hook.id), hook);
  });

  it('fills the required switches with false (the SDK asks for useDefaults=requiredOnly)', async () => {
    const hook = await make.hooks.create({ name: 'Defaults', teamId: TEAM, typeName: 'gateway-webhook', data: { headers: true } });
    assert.deepEqual({ headers: hook.data.headers, method: hook.data.method, stringify: hook.data.stringify }, { headers: true, method: false, stringify: false });
  });

  it('refuses bad bodies with a 400 naming the field', async () => {
    await rejects(make.hooks.create({ name: 'x', teamId: TEAM, typeName: 'gateway-webhook', data: { method: 'any' } }), 400, /'method'/);
    await rejects(make.hooks.create({ name: '', teamId: TEAM, typeName: 'gateway-webhook' }), 400, /'name'/);
    await rejects(make.hooks.create({ name: 'x', teamId: TEAM, typeName: 'jotform' }), 400, /'typeName'/);
    await rejects(make.hooks.create({ name: 'x', teamId: 99, typeName: 'gateway-webhook' }), 404);
    const raw = await api('POST', '/hooks', { name: 'no defaults', teamId: TEAM, typeName: 'gateway-webhook', headers: false });
    assert.equal(raw.status, 400);
    assert.deepEqual(raw.json.suberrors.map((item: { message: string }) => item.message), [
      "Missing value of required parameter 'method'.",
      "Missing value of required parameter 'stringify'.",
    ]);
  });

  it('renames, updates data, and lists with filters', async () => {
    const hook = await webhook('Before');
    const renamed = await make.hooks.rename(hook.id, 'After');
    assert.equal(renamed.name, 'After');
    assert.equal((await make.hooks.get(hook.id)).name, 'After');

    assert.equal(await make.hooks.update(hook.id, { data: { headers: true, method: true, stringify: true } }), true);
    assert.equal(await make.hooks.update(hook.id, { data: { headers: true } }), false);
    const updated = await make.hooks.get(hook.id);
    assert.deepEqual([updated.data.headers, updated.data.method, updated.data.stringify], [true, true, true]);
    await rejects(make.hooks.update(hook.id, { data: { stringify: 'yes' } }), 400, /'stringify'/);

    const listed = await make.hooks.list(TEAM);
    assert.ok(listed.some((item) => item.id === hook.id && item.name === 'After'));
    const names = listed.map((item) => item.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    assert.deepEqual(await make.hooks.list(TEAM, { typeName: 'gateway-mailhook' }), []);
    assert.ok((await make.hooks.list(TEAM, { assigned: false })).some((item) => item.id === hook.id));
    assert.ok(!(await make.hooks.list(TEAM, { assigned: true })).some((item) => item.id === hook.id));
  });

  it('pings, disables, enables and learns', async () => {
    const hook = await webhook('Switches');
    assert.deepEqual(await make.hooks.ping(hook.id), { address: hook.url, attached: false, learning: false, gone: false });
    await make.hooks.disable(hook.id);
    assert.equal((await make.hooks.get(hook.id)).enabled, false);
    await make.hooks.enable(hook.id);
    assert.equal((await make.hooks.get(hook.id)).enabled, true);
    await make.hooks.learnStart(hook.id);
    assert.equal((await make.hooks.ping(hook.id)).learning, true);
    await make.hooks.learnStop(hook.id);
    assert.equal((await make.hooks.ping(hook.id)).learning, false);
  });

  it('shows the scenario listening on a hook and asks for confirmation before deleting it', async () => {
    const hook = await webhook('Attached');
    const scenario = await server.remake.store.scenarios.create({
      teamId: TEAM,
      name: 'Listens',
      hookId: hook.id,
      scheduling: { type: 'immediately' },
      interface: { input: [], output: [] },
      blueprint: { name: 'Listens', flow: [{ id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hook.id } }], metadata: {} },
    });
    const got = await make.hooks.get(hook.id);
    assert.equal(got.scenarioId, scenario.id);
    assert.equal(got.scenarioName, 'Listens');
    assert.equal((await make.hooks.ping(hook.id)).attached, true);
    assert.ok((await make.hooks.list(TEAM, { assigned: true })).some((item) => item.id === hook.id));

    const unconfirmed = await api('DELETE', `/hooks/${hook.id}`);
    assert.equal(unconfirmed.status, 400);
    assert.match(unconfirmed.json.detail, /confirmed=true/);
    await make.hooks.delete(hook.id);
    await rejects(make.hooks.get(hook.id), 404);
  });

  it('deletes a hook: get then answers 404', async () => {
    const hook = await webhook('Short-lived');
    const answer = await api('DELETE', `/hooks/${hook.id}?confirmed=true`);
    assert.deepEqual(answer, { status: 200, json: { hook: hook.id } });
    await rejects(make.hooks.get(hook.id), 404);
    await rejects(make.hooks.delete(hook.id), 404);
    await rejects(make.hooks.ping(hook.id), 404);
  });

  it('lists, shows, counts and deletes queued requests', async () => {
    const hook = await webhook('Queue');
    const first = await enqueue(hook.id, { a: 1 });
    const second = await enqueue(hook.id, { a: 2 });
    const third = await enqueue(hook.id, { a: 3 });
    assert.equal((await make.hooks.get(hook.id)).queueCount, 3);

    const list = await api('GET', `/hooks/${hook.id}/incomings`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.incomings.map((item: { id: string }) => item.id), [first, second, third].map((item) => String(item.id)));
    assert.deepEqual(Object.keys(list.json.incomings[0]).sort(), ['created', 'id', 'scope', 'size']);
    assert.equal(list.json.incomings[0].size, 7);
    assert.equal(list.json.pg.sortBy, 'created');

    const detail = await api('GET', `/hooks/${hook.id}/incomings/${second.id}`);
    assert.deepEqual(detail.json.incoming.data, { a: 2 });
    assert.equal(detail.json.incoming.id, String(second.id));
    assert.equal((await api('GET', `/hooks/${hook.id}/incomings/999999`)).status, 404);

    assert.deepEqual((await api('GET', `/hooks/${hook.id}/incomings/stats`)).json, { incomingStat: { queue: 3, limit: 10000, enabled: true } });

    const byIds = await api('DELETE', `/hooks/${hook.id}/incomings`, { ids: [String(first.id), '999999'] });
    assert.deepEqual(byIds.json, { incomings: [String(first.id)] });
    assert.equal((await api('DELETE', `/hooks/${hook.id}/incomings`, { all: true })).status, 400);
    const all = await api('DELETE', `/hooks/${hook.id}/incomings?confirmed=true`, { all: true, exceptIds: [String(third.id)] });
    assert.deepEqual(all.json, { incomings: [String(second.id)] });
    assert.equal((await make.hooks.get(hook.id)).queueCount, 1);
    await api('DELETE', `/hooks/${hook.id}/incomings?confirmed=true`, { all: true });
    assert.deepEqual((await api('GET', `/hooks/${hook.id}/incomings/stats`)).json.incomingStat.queue, 0);
  });

  it('checks API keys given in the hook data', async () => {
    const hook = await make.hooks.create({ name: 'Keyed', teamId: TEAM, typeName: 'gateway-webhook', data: { apiKeys: ['k-1'] } });
    assert.deepEqual(hook.data.apiKeys, ['k-1']);
    await rejects(make.hooks.update(hook.id, { data: { apiKeys: ['é'] } }), 400, /'apiKeys/);
  });

  it('needs a token, and hooks:write to change hooks', async () => {
    assert.equal((await fetch(`${server.url}/api/v2/hooks?teamId=${TEAM}`)).status, 401);
    const readOnly = randomUUID();
    await server.remake.store.tokens.add(readOnly, { label: 'read only', scopes: ['hooks:read'], createdAt: new Date().toISOString() });
    const reader = new Make(readOnly, `127.0.0.1:${server.port}`);
    reader.protocol = 'http';
    assert.ok(Array.isArray(await reader.hooks.list(TEAM)));
    await rejects(reader.hooks.create({ name: 'nope', teamId: TEAM, typeName: 'gateway-webhook' }), 403);
  });
});
