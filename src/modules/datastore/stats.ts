// `datastore:Stats` v1: the name exported blueprints give Count records [corpus: 5 modules, `{{N.count}}`].
import { defineModule } from '../../executor/module-api.ts';
import { countRecords } from './count-records.ts';

/** Counts the records of a data store (Count records as blueprints name it). */
export const stats = defineModule({
  ...countRecords,
  name: 'Stats',
  example: { module: 'datastore:Stats', version: 1, parameters: { datastore: 12345 }, mapper: {} },
});
