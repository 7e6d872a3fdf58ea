// Data stores, records, data structures, connections and keys of `remake serve`, driven through the official Make SDK
// (`@makehq/sdk`) against a real server; stored rows are read back through the Remake instance's ports.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Make, MakeError } from '@makehq/sdk';
import { startServer, type RunningServer } from '../src/server/start-server.ts';

const TEAM = 1;
const SECRET = 'client-secret-that-must-never-leave-the-server';

describe('data stores, data structures, connections and keys through the Make SDK', () => {
  let dataDir: string;
  let server: RunningServer;
  let make: Make;

  const sdk = (token: string): Make => {
    const client = new Make(token, `127.0.0.1:${server.port}`);
    client.protocol = 'http';
    return client;
  };
  const rejects = (promise: Promise<unknown>, status: number, pattern?: RegExp) =>
    assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof MakeError, `expected a MakeError, got ${String(error)}`);
      assert.equal(error.statusCode, status, error.message);
      if (pattern) assert.match(error.message, pattern);
      return true;
    });
  const spec = [{ name: 'name', type: 'text', label: 'Name', required: true }, { name: 'age', type: 'number', label: 'Age' }, { name: 'active', type: 'boolean' }];
  const people = () => make.dataStructures.create({ name: 'People', teamId: TEAM, strict: true, spec });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'remake-api-data-'));
    const token = randomUUID();
    server = await startServer({ dataDir, port: 0, host: '127.0.0.1', apiToken: token });
    make = sdk(token);
  });
  after(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a wrong token with 401 and a token without datastores:write with 403', async () => {
    await rejects(sdk(randomUUID()).dataStores.list(TEAM), 401);
    const reader = randomUUID();
    await server.remake.store.tokens.add(reader, { label: 'read only', scopes: ['datastores:read'], createdAt: new Date().toISOString() });
    assert.deepEqual(await sdk(reader).dataStores.list(TEAM), []);
    await rejects(sdk(reader).dataStores.create({ name: 'Nope', teamId: TEAM, maxSizeMB: 1 }), 403, /datastores:write/);
    await rejects(sdk(reader).dataStructures.list(TEAM), 403, /udts:read/);
  });

  it('creates, reads, lists, updates, clones and deletes data structures', async () => {
    const created = await people();
    assert.equal(created.name, 'People');
    assert.equal(created.teamId, TEAM);
    assert.equal(created.strict, true);
    assert.deepEqual(created.spec?.map((field) => field.name), ['name', 'age', 'active']);

    assert.deepEqual(await make.dataStructures.get(created.id), created);
    const listed = await make.dataStructures.list(TEAM);
    // Make's list shows id, name and teamId unless cols[] asks for more (SDK mock data-structures/list.json).
    assert.deepEqual(listed.find((item) => item.id === created.id), { id: created.id, name: 'People', teamId: TEAM });
    const withSpec = await make.dataStructures.list(TEAM, { cols: ['id', 'spec'] });
    assert.equal(withSpec.find((item) => item.id === created.id)?.spec?.length, 3);
    assert.deepEqual(await make.dataStructures.list(2), []);

    const updated = await make.dataStructures.update(created.id, { name: 'Persons', spec: [{ name: 'name', type: 'text', label: 'Full name', required: true }] });
    assert.equal(updated.name, 'Persons');
    assert.equal(updated.spec?.[0]?.label, 'Full name');
    assert.equal((await server.remake.store.dataStructures.get(created.id))?.name, 'Persons');

    const clone = await make.dataStructures.clone(created.id, { name: 'Persons copy', targetTeamId: TEAM });
    assert.notEqual(clone.id, created.id);
    assert.deepEqual(clone.spec, updated.spec);
    await rejects(make.dataStructures.clone(created.id, { name: 'Elsewhere', targetTeamId: 9 }), 404, /Team/);

    await make.dataStructures.delete(clone.id);
    await rejects(make.dataStructures.get(clone.id), 404, /Data structure with id/);
    await rejects(make.dataStructures.create({ name: 'Bad', teamId: TEAM, spec: [{ name: 'x', type: 'text' }, { name: 'x', type: 'number' }] }), 400, /spec\.1\.name/);
  });

  it('creates, reads, lists, updates and deletes data stores', async () => {
    const structure = await people();
    const store = await make.dataStores.create({ name: 'Customers', teamId: TEAM, datastructureId: structure.id, maxSizeMB: 1 });
    assert.deepEqual(store, { id: store.id, name: 'Customers', records: 0, size: '0', maxSize: '1048576', teamId: TEAM, datastructureId: structure.id });
    assert.deepEqual(await make.dataStores.get(store.id), store);
    assert.ok((await make.dataStores.list(TEAM)).some((item) => item.id === store.id));
    assert.deepEqual(await make.dataStores.list(TEAM, { cols: ['id', 'name'] }).then((items) => items.find((item) => item.id === store.id)), { id: store.id, name: 'Customers' });
    assert.deepEqual(await make.dataStores.list(7), []);

    const renamed = await make.dataStores.update(store.id, { name: 'Clients', maxSizeMB: 2 });
    assert.equal(renamed.name, 'Clients');
    assert.equal(renamed.maxSize, String(2 * 1024 * 1024));
    assert.equal((await server.remake.store.dataStoreMeta.get(store.id))?.name, 'Clients');

    // The structure is used by the store: deleting it needs confirmed=true, and then the store keeps no structure.
    await rejects(make.fetch(`/data-structures/${structure.id}`, { method: 'DELETE' }), 400, new RegExp(`data store ${store.id}`));
    await make.dataStructures.delete(structure.id);
    assert.equal((await make.dataStores.get(store.id, { cols: ['id', 'datastructureId'] })).datastructureId, null);

    await make.dataStores.delete(store.id);
    await rejects(make.dataStores.get(store.id), 404, /Data store with id/);
    assert.equal(await server.remake.store.dataStoreMeta.get(store.id), undefined);
  });

  it('answers 404 for a missing store and 400 naming the field for a bad body', async () => {
    await rejects(make.dataStores.get(987654), 404, /Data store with id '987654' not found/);
    await rejects(make.dataStores.records.list(987654), 404);
    await rejects(make.dataStores.create({ name: '', teamId: TEAM, maxSizeMB: 1 }), 400, /'name'/);
    await rejects(make.dataStores.create({ name: 'No size', teamId: TEAM } as never), 400, /'maxSizeMB'/);
    await rejects(make.dataStores.create({ name: 'Ghost structure', teamId: TEAM, datastructureId: 424242, maxSizeMB: 1 }), 400, /'datastructureId'/);
    await rejects(make.dataStores.create({ name: 'Other team', teamId: 5, maxSizeMB: 1 }), 404, /Team/);
  });

  it('keeps records in the executor’s data store rows, checked against a strict data structure', async () => {
    const structure = await people();
    const store = await make.dataStores.create({ name: 'People store', teamId: TEAM, datastructureId: structure.id, maxSizeMB: 1 });
    const rows = server.remake.ports.dataStores;

    const generated = await make.dataStores.records.create(store.id, { name: 'Ada', age: 36 });
    assert.match(generated.key, /^[0-9a-f]{12}$/);
    assert.deepEqual(generated.data, { name: 'Ada', age: 36 });
    assert.deepEqual(await rows.get(String(store.id), generated.key), { name: 'Ada', age: 36 });
    const named = await make.dataStores.records.create(store.id, 'grace', { name: 'Grace', age: 45, active: true });
    assert.equal(named.key, 'grace');
    await rejects(make.dataStores.records.create(store.id, 'grace', { name: 'Again' }), 400, /already has a record with key 'grace'/);

    await rejects(make.dataStores.records.create(store.id, { name: 'Bob', age: 'old' }), 400, /field 'age': expected a number/);
    await rejects(make.dataStores.records.create(store.id, { age: 3 }), 400, /required field 'name'/);
    await rejects(make.dataStores.records.create(store.id, { name: 'Eve', nickname: 'e' }), 400, /Field 'nickname' is not in the data structure/);

    const listed = await make.dataStores.records.list(store.id);
    assert.deepEqual(listed.map((record) => record.key).sort(), [generated.key, 'grace'].sort());
    assert.equal((await make.dataStores.records.list(store.id, { pg: { limit: 1, offset: 1 } })).length, 1);
    assert.equal((await make.dataStores.get(store.id)).records, 2);

    const merged = await make.dataStores.records.update(store.id, 'grace', { age: 46 });
    assert.deepEqual(merged, { key: 'grace', data: { name: 'Grace', age: 46, active: true } });
    await rejects(make.dataStores.records.update(store.id, 'grace', { age: 'x' }), 400, /'age'/);
    const replaced = await make.dataStores.records.replace(store.id, 'grace', { name: 'Grace H.' });
    assert.deepEqual(replaced, { key: 'grace', data: { name: 'Grace H.' } });
    assert.deepEqual(await rows.get(String(store.id), 'grace'), { name: 'Grace H.' });
    await rejects(make.dataStores.records.update(store.id, 'nobody', { age: 1 }), 404, /key 'nobody'/);
    await rejects(make.dataStores.records.create(store.id, { name: 'x'.repeat(1024 * 1024) }), 400, /is full/);

    await make.dataStores.records.delete(store.id, [generated.key]);
    assert.equal(await rows.get(String(store.id), generated.key), undefined);
    assert.deepEqual((await make.dataStores.records.list(store.id)).map((record) => record.key), ['grace']);
    // Deleting all records (the SDK's later `deleteAll`, sent through the SDK's own fetch) needs confirmed=true.
    await rejects(make.fetch(`/data-stores/${store.id}/data`, { method: 'DELETE', body: { all: true } }), 400, /confirmed=true/);
    const cleared = await make.fetch<{ keys: string[] }>(`/data-stores/${store.id}/data`, { method: 'DELETE', query: { confirmed: true }, body: { all: true } });
    assert.deepEqual(cleared.keys, ['grace']);
    assert.equal(await rows.count(String(store.id)), 0);
  });

  it('shares records with scenarios: a scenario reads what the API wrote and the API lists what it wrote', async () => {
    const store = await make.dataStores.create({ name: 'Shared', teamId: TEAM, maxSizeMB: 1 });
    await make.dataStores.records.create(store.id, 'from-api', { name: 'Written by the API' });
    const blueprint = {
      name: 'Copy a record',
      flow: [
        { id: 1, module: 'scenario-service:StartSubscenario', version: 1, parameters: {}, mapper: {} },
        { id: 2, module: 'datastore:GetRecord', version: 1, parameters: { datastore: store.id }, mapper: { key: '{{var.input.key}}' } },
        { id: 3, module: 'datastore:AddRecord', version: 1, parameters: { datastore: store.id }, mapper: { key: 'from-scenario', data: { name: '{{2.name}} (copied)' }, overwrite: true } },
        { id: 4, module: 'scenario-service:ReturnData', version: 2, parameters: {}, mapper: { name: '{{2.name}}' } },
      ],
      metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, sequential: false, dlq: false } },
      interface: { input: [{ name: 'key', type: 'text', required: true }], output: [{ name: 'name', type: 'text' }] },
    };
    const scenario = await make.scenarios.create({ teamId: TEAM, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'on-demand' }) });
    assert.equal(await make.scenarios.activate(scenario.id), true);
    const result = await make.scenarios.run(scenario.id, { key: 'from-api' });
    assert.deepEqual(result.outputs, { name: 'Written by the API' });
    const records = await make.dataStores.records.list(store.id);
    assert.deepEqual(records.find((record) => record.key === 'from-scenario')?.data, { name: 'Written by the API (copied)' });

    // The store is used by the scenario: deleting it needs confirmed=true (the SDK always sends it).
    await rejects(make.fetch(`/data-stores/${store.id}`, { method: 'DELETE' }), 400, new RegExp(`scenario ${scenario.id}`));
    await make.dataStores.delete(store.id);
    assert.equal(await server.remake.ports.dataStores.count(String(store.id)), 0);
  });

  it('keeps OAuth 2.0 connections sealed and never answers with their secrets', async () => {
    const responses: unknown[] = [];
    const seen = <T>(value: T): T => (responses.push(value), value);
    const data = { grantType: 'client_credentials', tokenUrl: 'https://auth.example.com/token', clientId: 'remake', clientSecret: SECRET, scope: 'read write' };
    const created = seen(await make.connections.create({ name: 'Billing API', accountName: 'oauth2', teamId: TEAM, data }));
    assert.equal(created.name, 'Billing API');
    assert.equal(created.accountName, 'oauth2');
    assert.equal(created.accountType, 'oauth');
    const stored = await server.remake.ports.connections.get(String(created.id));
    assert.equal(stored?.type, 'oauth2');
    assert.equal(stored?.data['clientSecret'], SECRET);

    const got = seen(await make.connections.get(created.id));
    assert.equal(got.teamId, TEAM);
    assert.deepEqual(got.scopes.map((scope) => scope.id), ['read', 'write']);
    assert.ok(seen(await make.connections.list(TEAM)).some((item) => item.id === created.id));
    assert.deepEqual(seen(await make.connections.list(TEAM, { type: ['slack2'] })), []);
    assert.equal(seen(await make.connections.rename(created.id, 'Billing')).name, 'Billing');
    assert.equal(seen(await make.connections.update(created.id, { data: { scope: 'read' } })), true);
    assert.equal(seen(await make.connections.update(created.id, { data: { scope: 'read' } })), false);
    assert.equal((await server.remake.ports.connections.get(String(created.id)))?.data['scope'], 'read');
    assert.equal(seen(await make.connections.verify(created.id)), true);
    assert.equal(seen(await make.connections.scoped(created.id, ['read'])), true);
    assert.equal(seen(await make.connections.scoped(created.id, ['admin'])), false);
    for (const response of responses) assert.ok(!JSON.stringify(response).includes(SECRET), `a response carries the secret: ${JSON.stringify(response)}`);

    await rejects(make.connections.create({ name: 'Slack', accountName: 'slack2', teamId: TEAM }), 400, /'accountType'.*slack2/);
    await rejects(make.connections.create({ name: 'Basic', accountName: 'basicauth', teamId: TEAM, data: { authUser: 'a', authPass: 'b' } }), 400, /key type; create it with POST \/keys/);
    await rejects(make.connections.create({ name: 'Half', accountName: 'oauth2', teamId: TEAM, data: { grantType: 'client_credentials' } }), 400, /'tokenUrl'/);

    await make.connections.delete(created.id);
    await rejects(make.connections.get(created.id), 404, /Connection with id/);
    assert.equal(await server.remake.ports.connections.get(String(created.id)), undefined);
  });

  it('keeps keys (Basic Auth, API key) in the same store, with Make’s type names and parameters', async () => {
    const types = await make.keys.types();
    assert.deepEqual(types.map((type) => type.name), ['basicauth', 'apikeyauth', 'certificate']);

    const basic = await make.keys.create({ name: 'Partner login', teamId: TEAM, typeName: 'basicauth', parameters: { authUser: 'partner', authPass: SECRET } });
    assert.deepEqual(basic, { id: basic.id, name: 'Partner login', typeName: 'basicauth', teamId: TEAM, packageName: null, theme: '#007ee5' });
    assert.deepEqual((await server.remake.ports.connections.get(String(basic.id)))?.data, { username: 'partner', password: SECRET });
    const apiKey = await make.keys.create({ name: 'Weather', teamId: TEAM, typeName: 'apikeyauth', parameters: { key: SECRET, placement: 'qs', name: 'appid' } });
    assert.equal(apiKey.id, basic.id + 1);
    assert.deepEqual((await server.remake.ports.connections.get(String(apiKey.id)))?.data, { key: SECRET, placement: 'query', name: 'appid' });

    assert.deepEqual((await make.keys.list(TEAM, { typeName: 'apikeyauth' })).map((key) => key.id), [apiKey.id]);
    assert.deepEqual(await make.keys.get(basic.id, { cols: ['id', 'name'] }), { id: basic.id, name: 'Partner login' });
    const renamed = await make.keys.update(basic.id, { name: 'Partner', parameters: { authPass: 'new-password' } });
    assert.equal(renamed.name, 'Partner');
    assert.deepEqual((await server.remake.ports.connections.get(String(basic.id)))?.data, { username: 'partner', password: 'new-password' });
    assert.ok(!JSON.stringify(await make.keys.list(TEAM)).includes(SECRET));
    await rejects(make.connections.get(basic.id), 404);

    await rejects(make.keys.create({ name: 'Half', teamId: TEAM, typeName: 'basicauth', parameters: { authUser: 'x' } }), 400, /'parameters\.authPass'/);
    await rejects(make.keys.create({ name: 'AES', teamId: TEAM, typeName: 'aes-key', parameters: {} }), 400, /'typeName'/);

    await make.keys.delete(apiKey.id);
    await rejects(make.keys.get(apiKey.id), 404, /Key with id/);
    assert.equal(await server.remake.ports.connections.get(String(apiKey.id)), undefined);
  });
});
