// Runs the storage ports contract against real SQLite files, plus what only a file can show: persistence and migrations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { RemakeError } from '../../shared/errors.ts';
import { describePortsContract } from '../contract/ports-contract.ts';
import { createSqlitePorts } from './create-sqlite-ports.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openDatabase } from './open-database.ts';
import { SECRET_KEY_FILE } from './secret-key.ts';

const directories: string[] = [];

function freshFile(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'remake-sqlite-'));
  directories.push(directory);
  return path.join(directory, 'remake.db');
}

after(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

describePortsContract('SQLite', async () => createSqlitePorts(freshFile(), { secretKey: Buffer.alloc(32, 7) }));

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

  it('seals connection data on disk and refuses a different key clearly', async () => {
    const file = freshFile();
    const secret = 'pa55-w0rd-that-must-not-leak';
    const first = createSqlitePorts(file, { secretKey: Buffer.alloc(32, 1) });
    await first.connections.save({ id: '5', type: 'basic', name: 'Shop', data: { username: 'ada', password: secret } });
    first.close();

    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const row = raw.prepare<[], { name: string; data: string }>("SELECT name, data FROM connections WHERE id = '5'").get();
      assert.equal(row?.name, 'Shop');
      assert.ok(row && !row.data.includes(secret) && !row.data.includes('ada'), 'the data column is sealed');
      assert.match(row?.data ?? '', /^v1\./);
    } finally {
      raw.close();
    }
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (name === SECRET_KEY_FILE) continue;
      assert.ok(!fs.readFileSync(path.join(path.dirname(file), name)).includes(secret), `${name} holds no clear secret`);
    }

    const other = createSqlitePorts(file, { secretKey: Buffer.alloc(32, 2) });
    try {
      await assert.rejects(other.connections.get('5'), (error: unknown) => {
        assert.ok(error instanceof RemakeError);
        assert.equal(error.code, 'CONNECTION_DECRYPT_FAILED');
        assert.match(error.message, /connection '5'/);
        assert.match(error.message, /secret key is wrong/);
        return true;
      });
    } finally {
      other.close();
    }
  });

  it('creates secret.key (mode 0600) on first use and reuses it, unless REMAKE_SECRET_KEY is set', async () => {
    const file = freshFile();
    const keyFile = path.join(path.dirname(file), SECRET_KEY_FILE);
    const first = createSqlitePorts(file, { env: {} });
    await first.dataStores.put('1', 'k', { a: 1 });
    assert.equal(fs.existsSync(keyFile), false, 'no key file until a connection is used');
    await first.connections.save({ id: '1', type: 'apiKey', name: 'Key', data: { key: 'abc' } });
    first.close();
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);

    const second = createSqlitePorts(file, { env: {} });
    try {
      assert.deepEqual((await second.connections.get('1'))?.data, { key: 'abc' });
    } finally {
      second.close();
    }

    const hexKey = fs.readFileSync(keyFile, 'utf8').trim();
    const fromEnv = createSqlitePorts(file, { env: { REMAKE_SECRET_KEY: Buffer.from(hexKey, 'hex').toString('base64') } });
    try {
      assert.deepEqual((await fromEnv.connections.get('1'))?.data, { key: 'abc' });
    } finally {
      fromEnv.close();
    }

    const badEnv = createSqlitePorts(file, { env: { REMAKE_SECRET_KEY: 'not-a-key' } });
    try {
      await assert.rejects(badEnv.connections.get('1'), /REMAKE_SECRET_KEY must hold 64 hex characters/);
    } finally {
      badEnv.close();
    }
  });
});
