// Delete a record and Delete all records against real SQLite ports, with their rollback and commit.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { createDatastoreTestContext, openTempSqlitePorts, runModule, type DatastoreTestContext } from '../../../test/support/datastore-context.ts';
import { deleteAllRecords } from './delete-all-records.ts';
import { deleteRecord } from './delete-record.ts';

describe('data store deletes', () => {
  let ports: ExecutorPorts & { close(): void };
  let ctx: DatastoreTestContext;
  beforeEach(async () => {
    ports = openTempSqlitePorts();
    ctx = createDatastoreTestContext(ports);
    await ports.dataStores.put('3', 'a', { n: 1, nested: { list: [1, 2] } });
    await ports.dataStores.put('3', 'b', { n: 2 });
    await ports.dataStores.put('4', 'a', { n: 'other store' });
  });
  afterEach(() => ports.close());

  it('DeleteRecord removes the record and outputs its key', async () => {
    assert.deepEqual(await runModule(deleteRecord, ctx, { parameters: { datastore: 3 }, mapper: { key: 'a' } }), [{ key: 'a' }]);
    assert.equal(await ports.dataStores.get('3', 'a'), undefined);
    assert.deepEqual(await ports.dataStores.get('4', 'a'), { n: 'other store' });
  });

  it('DeleteRecord on a missing key succeeds and joins no transaction', async () => {
    assert.deepEqual(await runModule(deleteRecord, ctx, { parameters: { datastore: 3 }, mapper: { key: 'ghost' } }), [{ key: 'ghost' }]);
    assert.equal(ctx.participants.length, 0);
  });

  it('DeleteRecord rolls back to the deleted record', async () => {
    await runModule(deleteRecord, ctx, { parameters: { datastore: 3 }, mapper: { key: 'a' } });
    await ctx.rollbackAll();
    assert.deepEqual(await ports.dataStores.get('3', 'a'), { n: 1, nested: { list: [1, 2] } });
  });

  it('DeleteAllRecords empties only its store', async () => {
    assert.deepEqual(await runModule(deleteAllRecords, ctx, { parameters: { datastore: 3 } }), [{}]);
    assert.equal(await ports.dataStores.count('3'), 0);
    assert.equal(await ports.dataStores.count('4'), 1);
  });

  it('DeleteAllRecords rolls back every record', async () => {
    await runModule(deleteAllRecords, ctx, { parameters: { datastore: 3 } });
    await ctx.rollbackAll();
    assert.deepEqual(await ports.dataStores.list('3'), [
      { key: 'a', data: { n: 1, nested: { list: [1, 2] } } },
      { key: 'b', data: { n: 2 } },
    ]);
  });

  it('commit keeps the deletions', async () => {
    await runModule(deleteRecord, ctx, { parameters: { datastore: 3 }, mapper: { key: 'b' } });
    await runModule(deleteAllRecords, ctx, { parameters: { datastore: 4 } });
    await ctx.commitAll();
    assert.equal(await ports.dataStores.get('3', 'b'), undefined);
    assert.equal(await ports.dataStores.count('4'), 0);
  });
});
