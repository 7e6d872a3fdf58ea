// Scenario folders (`make.folders.*`) and scenario cloning (POST /scenarios/{id}/clone, which the SDK lacks, by fetch)
// against a real `remake serve`, checking both the answers and what the server stored.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Make, MakeError } from '@makehq/sdk';
import { createWebhook, startTestServer, type TestRemakeServer } from './support/remake-server.ts';

const TEAM = 1;
const greet = (): Record<string, unknown> => JSON.parse(readFileSync(new URL('../examples/serve/greet-on-demand.blueprint.json', import.meta.url), 'utf8'));

const rejects = (promise: Promise<unknown>, status: number, pattern?: RegExp) =>
  assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof MakeError, `expected a MakeError, got ${String(error)}`);
    assert.equal(error.statusCode, status, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });

describe('Make API v2: scenario folders and cloning', () => {
  let t: TestRemakeServer;
  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.close());

  const createGreet = (folderId?: number) =>
    t.make.scenarios.create({ teamId: TEAM, blueprint: JSON.stringify(greet()), scheduling: JSON.stringify({ type: 'on-demand' }), ...(folderId === undefined ? {} : { folderId }) });
  const clone = async (id: number, body: Record<string, unknown>, query = '?organizationId=1') => {
    const response = await t.api(`/scenarios/${id}/clone${query}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { scenario: { id: number; name: string; isActive: boolean; hookId: number | null; folderId: number | null; scheduling: unknown }; detail: string; suberrors?: { message: string }[] } };
  };

  /** GET /scenarios?folderId= (the SDK's list has no folderId option), the ids in order. */
  const idsInFolder = async (folderId: number): Promise<number[]> => {
    const response = await t.api(`/scenarios?teamId=${TEAM}&folderId=${folderId}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { scenarios: { id: number }[] }).scenarios.map((scenario) => scenario.id);
  };

  it('creates nested folders, lists a level with its children, paths and counts, and applies cols[]', async () => {
    const crm = await t.make.folders.create({ name: 'CRM', teamId: TEAM });
    assert.deepEqual(crm, { id: crm.id, name: 'CRM', path: 'CRM', parentId: null, position: null, scenariosTotal: 0, scenariosSubtreeTotal: 0, hasChildren: false });
    const cleanup = await t.make.folders.create({ name: 'cleanup', teamId: TEAM, parentId: crm.id });
    assert.deepEqual([cleanup.path, cleanup.parentId], ['CRM/cleanup', crm.id]);
    const deep = await t.make.folders.create({ name: 'old', teamId: TEAM, parentId: cleanup.id });
    const twin = await t.make.folders.create({ name: 'CRM', teamId: TEAM, parentId: null });
    assert.notEqual(twin.id, crm.id, 'names need not be unique (API reference)');
    const inFolder = await createGreet(deep.id);
    assert.equal(inFolder.folderId, deep.id);

    const top = (await t.make.folders.list(TEAM)).filter((folder) => folder.id === crm.id || folder.id === twin.id);
    assert.deepEqual(top.map((folder) => [folder.id, folder.hasChildren, folder.scenariosSubtreeTotal]), [[crm.id, true, 1], [twin.id, false, 0]]);
    assert.deepEqual(top[0]?.children?.map((child) => [child.name, child.path, child.hasChildren, child.children]), [['cleanup', 'CRM/cleanup', true, undefined]]);
    const all = await t.make.folders.list(TEAM, { childrenDepth: 'all' });
    const old = all.find((folder) => folder.id === crm.id)?.children?.[0]?.children?.[0];
    assert.deepEqual([old?.path, old?.scenariosTotal, old?.scenariosSubtreeTotal], ['CRM/cleanup/old', 1, 1]);
    assert.deepEqual((await t.make.folders.list(TEAM, { parentId: crm.id })).map((folder) => folder.id), [cleanup.id]);
    const picked = await t.make.folders.list(TEAM, { parentId: crm.id, cols: ['id', 'children'] });
    assert.deepEqual(picked, [{ id: cleanup.id, children: [{ id: deep.id }] }]);
    assert.deepEqual(await t.make.folders.list(2), []);
    await rejects(t.make.folders.list(TEAM, { parentId: 99999 }), 404, /Scenario folder/);
    await rejects(t.make.folders.create({ name: 'x', teamId: TEAM, parentId: 99999 }), 400, /parentId/);
    await rejects(t.make.folders.create({ name: 'x', teamId: 9 }), 404, /Team/);
    await rejects(t.make.folders.create({ name: ' ', teamId: TEAM }), 400, /name/);
  });

  it('renames and moves folders, refuses cycles naming parentId, and deletes only empty folders', async () => {
    const a = await t.make.folders.create({ name: 'A', teamId: TEAM });
    const b = await t.make.folders.create({ name: 'B', teamId: TEAM, parentId: a.id });
    const renamed = await t.make.folders.update(a.id, { name: 'Alpha' });
    assert.deepEqual([renamed.name, renamed.path, renamed.hasChildren], ['Alpha', 'Alpha', true]);
    await rejects(t.make.folders.update(a.id, { parentId: b.id }), 400, /parentId.*inside it/);
    await rejects(t.make.folders.update(a.id, { parentId: a.id }), 400, /parentId.*itself/);
    assert.equal((await t.server.remake.store.folders.get(a.id))?.parentId, null);
    const moved = await t.make.folders.update(b.id, { parentId: null });
    assert.deepEqual([moved.parentId, moved.path], [null, 'B']);
    const back = await t.make.folders.update(b.id, { parentId: a.id }, { cols: ['id', 'path'] });
    assert.deepEqual(back, { id: b.id, path: 'Alpha/B' });

    const scenario = await createGreet(b.id);
    await rejects(t.make.folders.delete(b.id), 400, new RegExp(`scenario ${scenario.id}`));
    await rejects(t.make.folders.delete(a.id), 400, new RegExp(`folder ${b.id} \\('B'\\)`));
    await t.make.scenarios.update(scenario.id, { folderId: a.id });
    await rejects(t.make.folders.delete(a.id), 400, /holds scenario .*, folder/);
    await t.make.scenarios.delete(scenario.id);
    await t.make.folders.delete(b.id);
    await t.make.folders.delete(a.id);
    assert.equal(await t.server.remake.store.folders.get(a.id), undefined);
    await rejects(t.make.folders.delete(a.id), 404);
  });

  it('files scenarios in folders: the folderId filter lists them, and a missing folder is a 400 naming folderId', async () => {
    const folder = await t.make.folders.create({ name: 'Filtered', teamId: TEAM });
    const inside = await createGreet(folder.id);
    const outside = await createGreet();
    assert.deepEqual(await idsInFolder(folder.id), [inside.id]);
    assert.equal((await t.server.remake.store.scenarios.get(inside.id))?.folderId, folder.id);
    const count = (await t.make.scenarios.list(TEAM)).length;
    await rejects(createGreet(99999), 400, /folderId/);
    assert.equal((await t.make.scenarios.list(TEAM)).length, count, 'nothing is stored');
    await rejects(t.make.scenarios.update(outside.id, { folderId: 99999 }), 400, /folderId/);
    await t.make.scenarios.update(outside.id, { folderId: folder.id });
    assert.deepEqual(await idsInFolder(folder.id), [inside.id, outside.id]);
    assert.equal((await t.api(`/scenarios?teamId=${TEAM}&folderId=x`)).status, 400);
    assert.equal((await t.make.folders.list(TEAM)).find((item) => item.id === folder.id)?.scenariosTotal, 2);
  });

  it('needs scenarios:read to list folders and scenarios:write to change them', async () => {
    const reader = randomUUID();
    await t.server.remake.store.tokens.add(reader, { label: 'read only', scopes: ['scenarios:read'], createdAt: new Date().toISOString() });
    const make = new Make(reader, `127.0.0.1:${t.server.port}`);
    make.protocol = 'http';
    assert.ok(Array.isArray(await make.folders.list(TEAM)));
    await rejects(make.folders.create({ name: 'nope', teamId: TEAM }), 403, /scenarios:write/);
  });

  it('clones a scenario: inactive, new name, same folder, scheduling and interface, and the clone runs', async () => {
    const folder = await t.make.folders.create({ name: 'Clones', teamId: TEAM });
    const source = await createGreet(folder.id);
    const { status, body } = await clone(source.id, { teamId: TEAM, name: 'Greet copy', states: false });
    assert.equal(status, 200, JSON.stringify(body));
    const copy = body.scenario;
    assert.notEqual(copy.id, source.id);
    assert.deepEqual([copy.name, copy.isActive, copy.folderId, copy.scheduling], ['Greet copy', false, folder.id, { type: 'on-demand' }]);
    assert.deepEqual(await t.make.scenarios.getInterface(copy.id), await t.make.scenarios.getInterface(source.id));
    const stored = await t.make.blueprints.get(copy.id);
    assert.equal(stored.name, 'Greet copy');
    assert.equal(stored.flow.length, 2);
    assert.equal((await t.server.remake.store.scenarios.get(copy.id))?.name, 'Greet copy');

    await t.make.scenarios.activate(copy.id);
    const result = await t.make.scenarios.run(copy.id, { name: 'grace' });
    assert.deepEqual(result.outputs, { greeting: 'Hello, Grace!', letters: 5 });
    assert.equal((await t.make.scenarios.get(source.id)).isActive, false, 'the source is left as it was');

    const missing = await clone(source.id, { teamId: TEAM, name: 'x' }, '');
    assert.deepEqual([missing.status, missing.body.suberrors?.[0]?.message], [400, "Missing value of required parameter 'organizationId'."]);
    assert.equal((await clone(source.id, { teamId: TEAM })).status, 400);
    assert.equal((await clone(source.id, { teamId: 7, name: 'x' })).status, 404);
    assert.equal((await clone(99999, { teamId: TEAM, name: 'x' })).status, 404);
  });

  it('clones a webhook scenario only onto a free hook, remapping hook and data store ids in the blueprint', async () => {
    const hook = await createWebhook(t.make);
    const spare = await createWebhook(t.make);
    const storeA = await t.make.dataStores.create({ name: 'A', teamId: TEAM, maxSizeMB: 1 });
    const storeB = await t.make.dataStores.create({ name: 'B', teamId: TEAM, maxSizeMB: 1 });
    const blueprint = {
      name: 'On a hook',
      flow: [
        { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hook.id, maxResults: 1 }, mapper: {} },
        { id: 2, module: 'datastore:AddRecord', version: 1, parameters: { datastore: storeA.id }, mapper: { key: 'k', data: { n: '{{1.n}}' }, overwrite: true } },
      ],
      metadata: { version: 1 },
    };
    const source = await t.make.scenarios.create({ teamId: TEAM, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'immediately' }) });
    const count = (await t.make.scenarios.list(TEAM)).length;

    const refused = await clone(source.id, { teamId: TEAM, name: 'No hook' });
    assert.equal(refused.status, 400);
    assert.match(refused.body.detail, new RegExp(`hook ${hook.id}.*"hook": \\{"${hook.id}"`));
    assert.equal((await clone(source.id, { teamId: TEAM, name: 'Same hook', hook: { [hook.id]: hook.id } })).status, 400);
    const absent = await clone(source.id, { teamId: TEAM, name: 'Absent hook', hook: { [hook.id]: hook.id + 1000 } });
    assert.deepEqual([absent.status, /hook \d+, which does not exist/.test(absent.body.detail)], [400, true]);
    assert.equal((await t.make.scenarios.list(TEAM)).length, count, 'no clone is stored');

    const { status, body } = await clone(source.id, { teamId: TEAM, name: 'On the spare hook', hook: { [hook.id]: spare.id }, datastore: { [storeA.id]: storeB.id } });
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual([body.scenario.hookId, body.scenario.scheduling], [spare.id, { type: 'immediately' }]);
    const flow = (await t.make.blueprints.get(body.scenario.id)).flow as { parameters?: Record<string, unknown> }[];
    assert.deepEqual([flow[0]?.parameters?.hook, flow[1]?.parameters?.datastore], [spare.id, storeB.id]);

    const taken = await clone(source.id, { teamId: TEAM, name: 'Taken hook', hook: { [hook.id]: spare.id } });
    assert.deepEqual([taken.status, taken.body.detail], [400, `Hook ${spare.id} is already used by scenario ${body.scenario.id}; in Make one webhook serves one scenario.`]);

    await t.make.scenarios.activate(body.scenario.id);
    const posted = await fetch(spare.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: 7 }) });
    assert.equal(posted.status, 200);
    await t.server.remake.hooks.idle();
    assert.equal((await t.make.executions.list(body.scenario.id)).length, 1);
    assert.deepEqual(await t.server.remake.ports.dataStores.get(String(storeB.id), 'k'), { n: 7 });
    assert.equal(await t.server.remake.ports.dataStores.get(String(storeA.id), 'k'), undefined);
  });
});
