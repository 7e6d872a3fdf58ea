// Get a record, Check the existence of a record and Count records (CountRecords and Stats) against real SQLite ports.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { createDatastoreTestContext, openTempSqlitePorts, runModule, type DatastoreTestContext } from '../../../test/support/datastore-context.ts';
import { countRecords } from './count-records.ts';
import { existRecord } from './exist-record.ts';
import { getRecord } from './get-record.ts';
import { stats } from './stats.ts';

describe('data store reads', () => {
  let ports: ExecutorPorts & { close(): void };
  let ctx: DatastoreTestContext;
  beforeEach(async () => {
    ports = openTempSqlitePorts();
    ctx = createDatastoreTestContext(ports);
    await ports.dataStores.put('5', 'user', { name: 'Ada', tags: ['x'], profile: { age: 36 } });
    await ports.dataStores.put('5', 'other', { name: 'Bob' });
    await ports.dataStores.put('6', 'user', { name: 'elsewhere' });
  });
  afterEach(() => ports.close());

  it('GetRecord outputs the fields at top level', async () => {
    const out = await runModule(getRecord, ctx, { parameters: { datastore: 5 }, mapper: { key: 'user', returnWrapped: false } });
    assert.deepEqual(out, [{ name: 'Ada', tags: ['x'], profile: { age: 36 } }]);
  });

  it('GetRecord with returnWrapped outputs {key, data}', async () => {
    const out = await runModule(getRecord, ctx, { parameters: { datastore: 5 }, mapper: { key: 'user', returnWrapped: true } });
    assert.deepEqual(out, [{ key: 'user', data: { name: 'Ada', tags: ['x'], profile: { age: 36 } } }]);
  });

  it('GetRecord outputs one empty bundle for an unknown key', async () => {
    assert.deepEqual(await runModule(getRecord, ctx, { parameters: { datastore: 5 }, mapper: { key: 'ghost' } }), [{}]);
  });

  it('GetRecord reads only its own store and joins no transaction', async () => {
    assert.deepEqual(await runModule(getRecord, ctx, { parameters: { datastore: 6 }, mapper: { key: 'user' } }), [{ name: 'elsewhere' }]);
    assert.equal(ctx.participants.length, 0);
  });

  it('ExistRecord tells whether the key exists', async () => {
    assert.deepEqual(await runModule(existRecord, ctx, { parameters: { datastore: 5 }, mapper: { key: 'user' } }), [{ exist: true }]);
    assert.deepEqual(await runModule(existRecord, ctx, { parameters: { datastore: 5 }, mapper: { key: 'ghost' } }), [{ exist: false }]);
  });

  it('CountRecords and Stats output the record count', async () => {
    assert.deepEqual(await runModule(countRecords, ctx, { parameters: { datastore: 5 } }), [{ count: 2 }]);
    assert.deepEqual(await runModule(stats, ctx, { parameters: { datastore: 6 }, mapper: {} }), [{ count: 1 }]);
    assert.deepEqual(await runModule(stats, ctx, { parameters: { datastore: 99 } }), [{ count: 0 }]);
  });
});
