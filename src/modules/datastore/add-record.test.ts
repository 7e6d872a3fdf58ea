// Add/replace a record against real SQLite ports: keys, overwrite, stored form, and its transaction steps.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { MakeError } from '../../executor/make-error.ts';
import { createDatastoreTestContext, openTempSqlitePorts, runModule, type DatastoreTestContext } from '../../../test/support/datastore-context.ts';
import { addRecord } from './add-record.ts';

describe('datastore:AddRecord', () => {
  let ports: ExecutorPorts & { close(): void };
  let ctx: DatastoreTestContext;
  beforeEach(() => {
    ports = openTempSqlitePorts();
    ctx = createDatastoreTestContext(ports);
  });
  afterEach(() => ports.close());

  it('stores the record under the key and outputs {key, data}', async () => {
    const out = await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'a', data: { name: 'Ada', n: 1 }, overwrite: false } });
    assert.deepEqual(out, [{ key: 'a', data: { name: 'Ada', n: 1 } }]);
    assert.deepEqual(await ports.dataStores.get('42', 'a'), { name: 'Ada', n: 1 });
  });

  it('generates a 12-hex-digit key when the key is blank', async () => {
    const out = await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: '', data: { x: 1 } } });
    assert.equal(out[0]?.key, '000000010000');
    assert.match(String(out[0]?.key), /^[0-9a-f]{12}$/);
    const next = await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { data: { x: 2 } } });
    assert.notEqual(next[0]?.key, out[0]?.key);
    assert.equal(await ports.dataStores.count('42'), 2);
  });

  it('fails with DuplicateDataError on an existing key when overwrite is off, leaving the record', async () => {
    await ports.dataStores.put('42', 'a', { old: true });
    await assert.rejects(
      runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'a', data: { old: false }, overwrite: false } }),
      (error: unknown) => error instanceof MakeError && error.type === 'DuplicateDataError',
    );
    assert.deepEqual(await ports.dataStores.get('42', 'a'), { old: true });
    assert.equal(ctx.participants.length, 0);
  });

  it('replaces the whole record when overwrite is on', async () => {
    await ports.dataStores.put('42', 'a', { old: true, keep: 'no' });
    await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'a', data: { fresh: 1 }, overwrite: true } });
    assert.deepEqual(await ports.dataStores.get('42', 'a'), { fresh: 1 });
  });

  it('stores dates as ISO text and outputs the stored form', async () => {
    const at = new Date('2024-03-04T05:06:07.000Z');
    const out = await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'd', data: { at, list: [1, { b: null }] } } });
    assert.deepEqual(out, [{ key: 'd', data: { at: '2024-03-04T05:06:07.000Z', list: [1, { b: null }] } }]);
    assert.deepEqual(await ports.dataStores.get('42', 'd'), { at: '2024-03-04T05:06:07.000Z', list: [1, { b: null }] });
  });

  it('rolls back: a new record disappears and a replaced one comes back', async () => {
    await ports.dataStores.put('42', 'old', { v: 1 });
    await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'new', data: { v: 9 } } });
    await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'old', data: { v: 2 }, overwrite: true } });
    await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'old', data: { v: 3 }, overwrite: true } });
    assert.equal(ctx.participants.length, 3);
    await ctx.rollbackAll();
    assert.equal(await ports.dataStores.get('42', 'new'), undefined);
    assert.deepEqual(await ports.dataStores.get('42', 'old'), { v: 1 });
  });

  it('commits: the writes stay', async () => {
    await runModule(addRecord, ctx, { parameters: { datastore: 42 }, mapper: { key: 'new', data: { v: 9 } } });
    await ctx.commitAll();
    assert.deepEqual(await ports.dataStores.get('42', 'new'), { v: 9 });
  });

  it('refuses a blueprint without a data store', () => {
    assert.equal(addRecord.parameters.safeParse({ datastore: null }).success, false);
    assert.equal(addRecord.parameters.safeParse({}).success, false);
  });
});
