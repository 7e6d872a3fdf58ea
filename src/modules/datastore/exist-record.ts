// Data store > Check the existence of a record (`datastore:ExistRecord` v1).
import { defineModule } from '../../executor/module-api.ts';
import { DatastoreParameters, KeyMapper } from './datastore-fields.ts';

/** Outputs `{exist}`: whether the store has a record under the key. */
export const existRecord = defineModule({
  app: 'datastore',
  name: 'ExistRecord',
  version: 1,
  title: 'Data store: Check the existence of a record',
  description: 'Tells whether a data store has a record with the given key.',
  kind: 'action',
  parameters: DatastoreParameters,
  mapper: KeyMapper,
  output: [{ name: 'exist', type: 'boolean', label: 'Exist' }],
  example: { module: 'datastore:ExistRecord', version: 1, parameters: { datastore: 12345 }, mapper: { key: '{{1.id}}' } },
  async run(ctx, { parameters, mapper }) {
    // `{{N.exist}}` [corpus]; SEMANTICS.md rule 107.
    return [{ exist: (await ctx.dataStores.get(parameters.datastore, mapper.key)) !== undefined }];
  },
});
