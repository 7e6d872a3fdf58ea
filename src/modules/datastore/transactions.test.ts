// The data store modules as one cycle's transaction: rolling back every collected participant restores the
// store as it was before the cycle (SEMANTICS.md rules 5, 81, 108); committing keeps every write.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { createDatastoreTestContext, openTempSqlitePorts, runModule, type DatastoreTestContext } from '../../../test/support/datastore-context.ts';
import { datastoreModules } from './index.ts';
import { addRecord } from './add-record.ts';
import { deleteAllRecords } from './delete-all-records.ts';
import { deleteRecord } from './delete-record.ts';
import { updateRecord } from './update-record.ts';

const before = [
  { key: 'a', data: { n: 1, list: ['x'] } },
  { key: 'b', data: { n: 2 } },
];

describe('data store transactions', () => {
  let ports: ExecutorPorts & { close(): void };
  let ctx: DatastoreTestContext;
  beforeEach(async () => {
    ports = openTempSqlitePorts();
    ctx = createDatastoreTestContext(ports);
    for (const { key, data } of before) await ports.dataStores.put('1', key, data);
  });
  afterEach(() => ports.close());

  async function cycleOfWrites(): Promise<void> {
    const parameters = { datastore: 1 };
    await runModule(addRecord, ctx, { parameters, mapper: { key: 'c', data: { n: 3 } } });
    await runModule(updateRecord, ctx, { parameters, mapper: { key: 'a', data: { n: 10, list: ['y'] } } });
    await runModule(deleteRecord, ctx, { parameters, mapper: { key: 'b' } });
    await runModule(addRecord, ctx, { parameters, mapper: { key: 'a', data: { replaced: true }, overwrite: true } });
    await runModule(deleteAllRecords, ctx, { parameters });
    await runModule(addRecord, ctx, { parameters, mapper: { key: 'z', data: { last: true } } });
  }

  it('rolling back the participants restores the previous records', async () => {
    await cycleOfWrites();
    assert.equal(ctx.participants.length, 6);
    assert.deepEqual(await ports.dataStores.list('1'), [{ key: 'z', data: { last: true } }]);
    await ctx.rollbackAll();
    assert.deepEqual(await ports.dataStores.list('1'), before);
  });

  it('committing the participants leaves the writes', async () => {
    await cycleOfWrites();
    await ctx.commitAll();
    assert.deepEqual(await ports.dataStores.list('1'), [{ key: 'z', data: { last: true } }]);
  });

  it('declares the writing modules transactional and the readers not', () => {
    const transactional = datastoreModules.filter((definition) => definition.transactional === true).map((definition) => definition.name);
    assert.deepEqual(transactional.sort(), ['AddRecord', 'DeleteAllRecords', 'DeleteRecord', 'UpdateRecord']);
    assert.deepEqual(
      datastoreModules.map((definition) => `${definition.app}:${definition.name}@${definition.version}`).sort(),
      [
        'datastore:AddRecord@1',
        'datastore:CountRecords@1',
        'datastore:DeleteAllRecords@1',
        'datastore:DeleteRecord@1',
        'datastore:ExistRecord@1',
        'datastore:GetRecord@1',
        'datastore:SearchRecord@1',
        'datastore:Stats@1',
        'datastore:UpdateRecord@1',
      ],
    );
  });
});
