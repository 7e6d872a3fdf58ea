// A run's buffered writes: the run reads its own writes, the store sees none of them until they are applied.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { bufferWrites } from './run-writes.ts';
import { createSqlitePorts } from './sqlite/create-sqlite-ports.ts';

it('reads through to the store, sees its own puts and deletes, and hands them over in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remake-writes-'));
  const base = createSqlitePorts(join(dir, 'remake.sqlite'), { secretKey: Buffer.alloc(32, 2) });
  try {
    await base.dataStores.put('1', 'a', { v: 'stored' });
    await base.dataStores.put('1', 'b', { v: 'stored' });
    await base.state.set('s', 'n', 1);
    const run = bufferWrites(base);
    await run.ports.dataStores.put('1', 'c', { v: 'new' });
    await run.ports.dataStores.put('1', 'a', { v: 'changed' });
    assert.equal(await run.ports.dataStores.delete('1', 'b'), true);
    assert.equal(await run.ports.dataStores.delete('1', 'never'), false);
    await run.ports.state.set('s', 'n', 2);

    assert.deepEqual(await run.ports.dataStores.get('1', 'a'), { v: 'changed' });
    assert.equal(await run.ports.dataStores.get('1', 'b'), undefined);
    assert.deepEqual(await run.ports.dataStores.list('1'), [{ key: 'a', data: { v: 'changed' } }, { key: 'c', data: { v: 'new' } }]);
    assert.equal(await run.ports.dataStores.count('1'), 2);
    assert.equal(await run.ports.state.get('s', 'n'), 2);

    assert.deepEqual(await base.dataStores.get('1', 'a'), { v: 'stored' }, 'the store is untouched until the writes are applied');
    assert.equal(await base.state.get('s', 'n'), 1);
    assert.deepEqual(run.writes(), {
      dataStores: [
        { storeId: '1', key: 'c', data: { v: 'new' } },
        { storeId: '1', key: 'a', data: { v: 'changed' } },
        { storeId: '1', key: 'b', data: null },
        { storeId: '1', key: 'never', data: null },
      ],
      state: [{ scope: 's', name: 'n', value: 2 }],
      incomplete: [],
    });
  } finally {
    base.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('keeps incomplete executions the run stores out of the store, but visible to the run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remake-writes-'));
  const base = createSqlitePorts(join(dir, 'remake.sqlite'), { secretKey: Buffer.alloc(32, 2) });
  try {
    const record = (id: string, scenario: string) => ({ id, scenario, executionId: 'e', moduleId: 2, error: { type: 'ConnectionError', message: 'down' }, scope: {}, blueprint: {}, retry: null, createdAt: '2026-01-01T00:00:00.000Z' });
    await base.incomplete.save(record('old', '1'));
    const run = bufferWrites(base);
    await run.ports.incomplete.save(record('new', '1'));
    await run.ports.incomplete.save(record('other', '2'));
    assert.deepEqual((await run.ports.incomplete.list('1')).map((item) => item.id), ['old', 'new']);
    assert.equal((await run.ports.incomplete.get('new'))?.id, 'new');
    assert.equal(await base.incomplete.get('new'), undefined);
    assert.deepEqual(run.writes().incomplete?.map((item) => item.id), ['new', 'other']);
  } finally {
    base.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
