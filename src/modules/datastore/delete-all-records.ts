// Data store > Delete all records (`datastore:DeleteAllRecords` v1).
import { defineModule } from '../../executor/module-api.ts';
import { DatastoreParameters, EmptyMapper } from './datastore-fields.ts';
import { joinTransaction } from './record-transaction.ts';

/** Empties the store; the rollback step puts every record back. */
export const deleteAllRecords = defineModule({
  app: 'datastore',
  name: 'DeleteAllRecords',
  version: 1,
  title: 'Data store: Delete all records',
  description: 'Deletes every record of a data store.',
  kind: 'action',
  transactional: true,
  parameters: DatastoreParameters,
  mapper: EmptyMapper,
  output: [],
  example: { module: 'datastore:DeleteAllRecords', version: 1, parameters: { datastore: 12345 }, mapper: {} },
  async run(ctx, { parameters }) {
    const storeId = parameters.datastore;
    const records = await ctx.dataStores.list(storeId);
    for (const { key } of records) await ctx.dataStores.delete(storeId, key);
    joinTransaction(ctx, storeId, records);
    // GUESS: no output fields; one empty bundle so the route goes on.
    return [{}];
  },
});
