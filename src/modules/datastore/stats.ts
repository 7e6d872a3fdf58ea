// `datastore:Stats` v1: the name exported blueprints give Count records [corpus: 5 modules, `{{N.count}}`].
import { defineModule } from '../../executor/module-api.ts';
import { countRecordsRun } from './count-records.ts';
import { DatastoreParameters, EmptyMapper } from './datastore-fields.ts';

/** Counts the records of a data store (Count records as blueprints name it). */
export const stats = defineModule({
  app: 'datastore',
  name: 'Stats',
  version: 1,
  title: 'Data store: Count records',
  description: 'Outputs the number of records in a data store.',
  kind: 'action',
  parameters: DatastoreParameters,
  mapper: EmptyMapper,
  output: [{ name: 'count', type: 'number', label: 'Count' }],
  example: { module: 'datastore:Stats', version: 1, parameters: { datastore: 12345 }, mapper: {} },
  run: countRecordsRun,
});
