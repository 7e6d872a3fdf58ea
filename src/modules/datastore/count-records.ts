// Data store > Count records (`datastore:CountRecords` v1), the run shared with its exported name `datastore:Stats`.
import { defineModule, type Bundle, type ModuleContext, type ModuleInput } from '../../executor/module-api.ts';
import { DatastoreParameters, EmptyMapper } from './datastore-fields.ts';

/** Outputs `{count}`: the number of records in the store (`{{N.count}}` [corpus]). */
export async function countRecordsRun(ctx: ModuleContext, { parameters }: ModuleInput<DatastoreParameters, unknown>): Promise<Bundle[]> {
  return [{ count: await ctx.dataStores.count(parameters.datastore) }];
}

/** Counts the records of a data store. */
export const countRecords = defineModule({
  app: 'datastore',
  name: 'CountRecords',
  version: 1,
  title: 'Data store: Count records',
  description: 'Outputs the number of records in a data store.',
  kind: 'action',
  parameters: DatastoreParameters,
  mapper: EmptyMapper,
  output: [{ name: 'count', type: 'number', label: 'Count' }],
  example: { module: 'datastore:CountRecords', version: 1, parameters: { datastore: 12345 }, mapper: {} },
  run: countRecordsRun,
});
