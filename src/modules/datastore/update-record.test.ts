// Update a record against real SQLite ports: merging, arrays, upsert and rollback.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { MakeError } from '../../executor/make-error.ts';
import { createDatastoreTestContext, openTempSqlitePorts, runModule, type DatastoreTestContext } from '../../../test/support/datastore-context.ts';
import { updateRecord } from './update-record.ts';

describe('datastore:UpdateRecord', () => {
  let ports: ExecutorPorts & { close(): void };
  let ctx: DatastoreTestContext;
  beforeEach(() => {
    ports = openTempSqlitePorts();
    ctx = createDatastoreTestContext(ports);
  });
  afterEach(() => ports.close());

  it('merges mapped fields into the record and keeps the others', async () => {
    await ports.dataStores.put('7', 'k', { a: 1, b: 'keep', c: { x: 1 } });
    const out = await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'k', data: { a: 2, c: { y: 2 }, d: '' }, upsert: false } });
    const expected = { a: 2, b: 'keep', c: { y: 2 }, d: '' };
    assert.deepEqual(out, [{ key: 'k', data: expected }]);
    assert.deepEqual(await ports.dataStores.get('7', 'k'), expected);
  });

  it('fails with DataError on a missing record without upsert', async () => {
    await assert.rejects(
      runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'nope', data: { a: 1 }, upsert: false } }),
      (error: unknown) => error instanceof MakeError && error.type === 'DataError',
    );
    assert.equal(await ports.dataStores.count('7'), 0);
    assert.equal(ctx.participants.length, 0);
  });

  it('inserts a missing record with upsert', async () => {
    await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'new', data: { a: 1 }, upsert: true } });
    assert.deepEqual(await ports.dataStores.get('7', 'new'), { a: 1 });
  });

  it('appends arrays unless overwriteArrays is on', async () => {
    await ports.dataStores.put('7', 'k', { ids: [1, 2] });
    await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'k', data: { ids: [3] }, overwriteArrays: false } });
    assert.deepEqual(await ports.dataStores.get('7', 'k'), { ids: [1, 2, 3] });
    await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'k', data: { ids: [9] }, overwriteArrays: true } });
    assert.deepEqual(await ports.dataStores.get('7', 'k'), { ids: [9] });
  });

  it('accepts blueprint flags given as text', async () => {
    await runModule(updateRecord, ctx, { parameters: { datastore: '7' }, mapper: { key: 'k', data: { a: 1 }, upsert: 'true', overwriteArrays: null } });
    assert.deepEqual(await ports.dataStores.get('7', 'k'), { a: 1 });
  });

  it('rolls back to the previous record, or removes an upserted one', async () => {
    await ports.dataStores.put('7', 'k', { a: 1 });
    await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'k', data: { a: 2 } } });
    await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'u', data: { a: 3 }, upsert: true } });
    await ctx.rollbackAll();
    assert.deepEqual(await ports.dataStores.get('7', 'k'), { a: 1 });
    assert.equal(await ports.dataStores.get('7', 'u'), undefined);
  });

  it('commits: the update stays', async () => {
    await ports.dataStores.put('7', 'k', { a: 1 });
    await runModule(updateRecord, ctx, { parameters: { datastore: 7 }, mapper: { key: 'k', data: { a: 2 } } });
    await ctx.commitAll();
    assert.deepEqual(await ports.dataStores.get('7', 'k'), { a: 2 });
  });

  it('requires a key', () => {
    assert.equal(updateRecord.mapper.safeParse({ key: '', data: {} }).success, false);
    assert.equal(updateRecord.mapper.safeParse({ key: '   ' }).success, false);
  });
});
