// Group commit: writes of one event-loop turn share a transaction; a bad write fails alone; each resolves when durable.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { groupCommit } from './group-commit.ts';

it('commits writes of the same turn together, in call order, and fails only the bad one', async () => {
  const db = new BetterSqlite3(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  const insert = db.prepare<[string]>('INSERT INTO t (v) VALUES (?)');
  let commits = 0;
  const write = groupCommit(db, (v: string) => {
    commits += db.inTransaction ? 0 : 1;
    return Number(insert.run(v).lastInsertRowid);
  });
  const results = await Promise.allSettled([write('a'), write('b'), write('a'), write('c')]);
  assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(db.prepare('SELECT v FROM t ORDER BY id').pluck().all(), ['a', 'b', 'c']);
  assert.equal(commits, 0, 'every write ran inside a transaction');
  assert.equal(await write('d'), 4, 'a later turn is a new batch');
  db.close();
});
