// Runs the server store contract against real SQLite files, plus what only a file can show: everything survives reopening.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { describeServerStoreContract } from '../contract/server-store-contract.ts';
import { openSqliteStorage } from './open-sqlite-storage.ts';

const directories: string[] = [];

function freshFile(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'remake-server-store-'));
  directories.push(directory);
  return path.join(directory, 'remake.sqlite');
}

after(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

describeServerStoreContract('SQLite', (now) => openSqliteStorage(freshFile(), { now, secretKey: Buffer.alloc(32, 7) }));

describe('SQLite server store file', () => {
  it('keeps everything across closing and reopening, and never stores a token in clear', async () => {
    const file = freshFile();
    const now = () => new Date('2024-05-01T00:00:00.000Z');
    const first = openSqliteStorage(file, { now, secretKey: Buffer.alloc(32, 7) });
    const { server } = first;
    await server.tokens.add('tok-en-in-clear', { label: 'cli', scopes: ['scenarios:read'], createdAt: '2024-05-01T00:00:00.000Z' });
    const hook = await server.hooks.create({ udid: 'd'.repeat(32), teamId: 1, name: 'H', typeName: 'gateway-webhook', data: { json: true } });
    const scenario = await server.scenarios.create({ teamId: 1, name: 'S', hookId: hook.id, scheduling: { type: 'immediately' }, interface: { input: [], output: [] }, blueprint: { v: 1 } });
    await server.scenarios.update(scenario.id, { blueprint: { v: 2 }, isActive: true });
    const item = await server.queue.push(hook.id, { method: 'POST', headers: {}, query: {}, body: { file: Buffer.from('bytes') } }, 5, '2024-05-01T00:00:00.000Z');
    await server.executions.start({ id: 'x', scenarioId: scenario.id, type: 'manual', instant: false, incomingId: null, startedAt: '2024-05-01T00:00:00.000Z' });
    const store = await server.dataStoreMeta.create({ teamId: 1, name: 'D', datastructureId: null, maxSizeMB: 1 });
    const structure = await server.dataStructures.create({ teamId: 1, name: 'T', spec: [{ name: 'a', type: 'text' }], strict: true });
    await first.ports.dataStores.put(String(store.id), 'k', { n: 1 });
    first.close();
    first.close();
    for (const name of fs.readdirSync(path.dirname(file))) assert.ok(!fs.readFileSync(path.join(path.dirname(file), name)).includes('tok-en-in-clear'), `${name} holds no token`);

    const second = openSqliteStorage(file, { now, secretKey: Buffer.alloc(32, 7) });
    try {
      assert.equal((await second.server.tokens.find('tok-en-in-clear'))?.label, 'cli');
      assert.deepEqual(await second.server.hooks.get(hook.id), hook);
      assert.deepEqual((await second.server.scenarios.get(scenario.id))?.blueprintVersion, 2);
      assert.deepEqual((await second.server.scenarios.versions(scenario.id)).map((v) => v.blueprint), [{ v: 2 }, { v: 1 }]);
      assert.deepEqual(await second.server.queue.get(item.id), item);
      assert.equal((await second.server.executions.get('x'))?.status, 'running');
      assert.deepEqual(await second.server.dataStoreMeta.get(store.id), store);
      assert.deepEqual(await second.server.dataStructures.get(structure.id), structure);
      assert.deepEqual(await second.ports.dataStores.get(String(store.id), 'k'), { n: 1 });
      const next = await second.server.scenarios.create({ teamId: 1, name: 'S2', hookId: null, scheduling: { type: 'indefinitely' }, interface: { input: [], output: [] }, blueprint: {} });
      assert.ok(next.id > scenario.id, 'ids keep ascending after reopening');
    } finally {
      second.close();
    }
  });
});
