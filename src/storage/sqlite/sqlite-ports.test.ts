// Runs the storage ports contract against real SQLite files, plus what only a file can show: persistence and migrations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { describePortsContract } from '../contract/ports-contract.ts';
import { createSqlitePorts } from './create-sqlite-ports.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openDatabase } from './open-database.ts';

const directories: string[] = [];

function freshFile(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'remake-sqlite-'));
  directories.push(directory);
  return path.join(directory, 'remake.db');
}

after(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

describePortsContract('SQLite', async () => createSqlitePorts(freshFile()));

describe('SQLite file', () => {
  it('opens in WAL mode with foreign keys on', () => {
    const db = openDatabase(freshFile());
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      assert.ok(Number(db.pragma('busy_timeout', { simple: true })) > 0);
    } finally {
      db.close();
    }
  });

  it('keeps data across reopening and does not apply migrations twice', async () => {
    const file = freshFile();
    const first = createSqlitePorts(file, { now: () => new Date('2024-01-01T00:00:00.000Z') });
    await first.dataStores.put('7', 'k', { n: 1, list: ['a'] });
    await first.state.set('scenario', 'counter', 5);
    first.close();

    const second = createSqlitePorts(file, { now: () => new Date('2025-01-01T00:00:00.000Z') });
    try {
      assert.deepEqual(await second.dataStores.get('7', 'k'), { n: 1, list: ['a'] });
      assert.equal(await second.state.get('scenario', 'counter'), 5);
    } finally {
      second.close();
    }

    const db = openDatabase(file);
    try {
      const rows = db.prepare<[], { version: number; applied_at: string }>('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(
        rows,
        MIGRATIONS.map((migration) => ({ version: migration.version, applied_at: '2024-01-01T00:00:00.000Z' })),
      );
      assert.deepEqual(migrate(db), []);
    } finally {
      db.close();
    }
  });
});
