// The run-only connection overlay: its ids come from memory and saves to them never reach the data dir's store.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { ConnectionRecord } from '../executor/ports.ts';
import { createSqlitePorts } from '../storage/sqlite/create-sqlite-ports.ts';
import { createConnectionOverlay } from './connection-overlay.ts';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'remake-overlay-'));
after(() => fs.rmSync(directory, { recursive: true, force: true }));

const stored: ConnectionRecord = { id: '1', type: 'basic', name: 'Stored', data: { username: 'disk', password: 'disk-pw' } };
const shadow: ConnectionRecord = { id: '1', type: 'basic', name: 'From file', data: { username: 'mem', password: 'mem-pw' } };
const onlyInFile: ConnectionRecord = { id: '2', type: 'apiKey', name: 'Key', data: { key: 'k' } };

describe('connection overlay', () => {
  it('reads overlay ids from memory, others from the store, and keeps overlay saves off disk', async () => {
    const file = path.join(directory, 'remake.sqlite');
    const ports = createSqlitePorts(file, { secretKey: Buffer.alloc(32, 3) });
    try {
      await ports.connections.save(stored);
      await ports.connections.save({ id: '3', type: 'basic', name: 'Other', data: { username: 'o', password: 'o' } });
      const overlay = createConnectionOverlay(ports.connections, [shadow, onlyInFile]);
      assert.deepEqual(await overlay.get('1'), shadow);
      assert.equal((await overlay.get('3'))?.name, 'Other');
      assert.deepEqual(
        (await overlay.list()).map((record) => record.name),
        ['From file', 'Key', 'Other'],
      );

      const refreshed = { ...onlyInFile, data: { key: 'rotated' } };
      await overlay.save(refreshed);
      assert.deepEqual(await overlay.get('2'), refreshed);
      assert.equal(await ports.connections.get('2'), undefined, 'overlay saves stay in memory');
      assert.deepEqual(await ports.connections.get('1'), stored, 'the stored record is untouched');

      await overlay.save({ ...stored, id: '4' });
      assert.equal((await ports.connections.get('4'))?.id, '4', 'other ids are saved to the store');

      assert.equal(await overlay.remove('1'), true);
      assert.equal(await overlay.get('1'), undefined, 'a removed overlay id does not reveal the stored one');
      assert.equal(await overlay.remove('1'), false);
      assert.deepEqual(await ports.connections.get('1'), stored);
    } finally {
      ports.close();
    }
  });
});
