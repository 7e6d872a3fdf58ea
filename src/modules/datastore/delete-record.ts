// Data store > Delete a record (`datastore:DeleteRecord` v1).
import { defineModule } from '../../executor/module-api.ts';
import { DatastoreParameters, KeyMapper } from './datastore-fields.ts';
import { joinTransaction } from './record-transaction.ts';

/** Deletes the record under the key; a missing key is not an error (GUESS). */
export const deleteRecord = defineModule({
  app: 'datastore',
  name: 'DeleteRecord',
  version: 1,
  title: 'Data store: Delete a record',
  description: 'Deletes the data store record with the given key.',
  kind: 'action',
  transactional: true,
  parameters: DatastoreParameters,
  mapper: KeyMapper,
  output: [{ name: 'key', type: 'text', label: 'Key' }],
  example: { module: 'datastore:DeleteRecord', version: 1, parameters: { datastore: 12345 }, mapper: { key: '{{1.id}}' } },
  async run(ctx, { parameters, mapper }) {
    const storeId = parameters.datastore;
    const previous = await ctx.dataStores.get(storeId, mapper.key);
    if (previous !== undefined) {
      await ctx.dataStores.delete(storeId, mapper.key);
      joinTransaction(ctx, storeId, [{ key: mapper.key, data: previous }]);
    }
    // GUESS: "returns the ID of the record" [F-datastore]; deleting a key that does not exist succeeds quietly.
    return [{ key: mapper.key }];
  },
});
