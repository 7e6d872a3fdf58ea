// Search records against real SQLite ports: filters on fields and key, sorting, limits and empty results.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle } from '../../executor/module-api.ts';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { MakeError } from '../../executor/make-error.ts';
import { createDatastoreTestContext, openTempSqlitePorts, runModule, type DatastoreTestContext } from '../../../test/support/datastore-context.ts';
import { searchRecord } from './search-record.ts';

const keys = (bundles: Bundle[]) => bundles.map((bundle) => bundle.key);

describe('datastore:SearchRecord', () => {
  let ports: ExecutorPorts & { close(): void };
  let ctx: DatastoreTestContext;
  before(async () => {
    ports = openTempSqlitePorts();
    ctx = createDatastoreTestContext(ports);
    await ports.dataStores.put('9', 'k1', { status: 'active', score: 10, name: 'Cleo', at: '2024-01-03T00:00:00.000Z' });
    await ports.dataStores.put('9', 'k2', { status: 'ended', score: 2, name: 'ada', at: '2024-01-01T00:00:00.000Z' });
    await ports.dataStores.put('9', 'k3', { status: 'active', score: 7, name: 'Bea', at: '2024-01-02T00:00:00.000Z' });
    await ports.dataStores.put('9', 'k4', { status: 'Active', name: 'Dan' });
    await ports.dataStores.put('8', 'x', { status: 'active' });
  });
  after(() => ports.close());

  const search = (mapper: Record<string, unknown>, parameters: Record<string, unknown> = {}) =>
    runModule(searchRecord, ctx, { parameters: { datastore: 9, continueWhenNoRes: false, limit: null, ...parameters }, mapper });

  it('outputs every record as {key, data} with position fields when the filter is empty', async () => {
    const out = await search({ filter: [], sort: [], mappAbleLimit: '' });
    assert.deepEqual(keys(out), ['k1', 'k2', 'k3', 'k4']);
    assert.deepEqual(out[1], { __IMTLENGTH__: 4, __IMTINDEX__: 2, key: 'k2', data: { status: 'ended', score: 2, name: 'ada', at: '2024-01-01T00:00:00.000Z' } });
  });

  it('filters on a field with a text operator (case-sensitive and :ci)', async () => {
    assert.deepEqual(keys(await search({ filter: [[{ a: 'status', o: 'text:equal', b: 'active' }]] })), ['k1', 'k3']);
    assert.deepEqual(keys(await search({ filter: [[{ a: 'status', o: 'text:equal:ci', b: 'active' }]] })), ['k1', 'k3', 'k4']);
  });

  it('ANDs conditions in a group and ORs the groups', async () => {
    const out = await search({
      filter: [[{ a: 'status', o: 'text:equal', b: 'active' }, { a: 'score', o: 'number:greater', b: '8' }], [{ a: 'name', o: 'text:equal', b: 'ada' }]],
    });
    assert.deepEqual(keys(out), ['k1', 'k2']);
  });

  it('filters on the record key and on field existence', async () => {
    assert.deepEqual(keys(await search({ filter: [[{ a: 'key', o: 'text:startwith', b: 'k3' }]] })), ['k3']);
    assert.deepEqual(keys(await search({ filter: [[{ a: 'score', o: 'notexist' }]] })), ['k4']);
  });

  it('compares dates', async () => {
    assert.deepEqual(keys(await search({ filter: [[{ a: 'at', o: 'date:greaterorequal', b: new Date('2024-01-02T00:00:00.000Z') }]] })), ['k1', 'k3']);
  });

  it('sorts by one or more fields, ascending or descending (1 / -1 as exported)', async () => {
    assert.deepEqual(keys(await search({ sort: [{ key: 'score', order: -1 }] })), ['k1', 'k3', 'k2', 'k4']);
    assert.deepEqual(keys(await search({ sort: [{ key: 'score', order: 'asc' }] })), ['k4', 'k2', 'k3', 'k1']);
    assert.deepEqual(keys(await search({ sort: [{ key: 'status', order: 1 }, { key: 'name', order: -1 }] })), ['k4', 'k1', 'k3', 'k2']);
  });

  it('limits the results with the mappable limit, else the limit parameter', async () => {
    assert.deepEqual(keys(await search({ sort: [{ key: 'score', order: -1 }], mappAbleLimit: '2' })), ['k1', 'k3']);
    const limited = await search({}, { limit: 1 });
    assert.deepEqual(keys(limited), ['k1']);
    assert.equal(limited[0]?.__IMTLENGTH__, 1);
  });

  it('outputs no bundle when nothing matches, or one empty bundle with continueWhenNoRes', async () => {
    const none = [[{ a: 'status', o: 'text:equal', b: 'missing' }]];
    assert.deepEqual(await search({ filter: none }), []);
    assert.deepEqual(await search({ filter: none }, { continueWhenNoRes: true }), [{}]);
  });

  it('fails with InvalidConfigurationError on an unknown operator', async () => {
    await assert.rejects(
      search({ filter: [[{ a: 'status', o: 'text:isempty', b: '' }]] }),
      (error: unknown) => error instanceof MakeError && error.type === 'InvalidConfigurationError',
    );
  });

  it('searches only its own store and joins no transaction', async () => {
    const out = await runModule(searchRecord, ctx, { parameters: { datastore: 8 }, mapper: {} });
    assert.deepEqual(keys(out), ['x']);
    assert.equal(ctx.participants.length, 0);
  });
});
