// Data store > Get a record (`datastore:GetRecord` v1): reads one record by key.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { DatastoreParameters, flag, requiredKey } from './datastore-fields.ts';

const GetRecordMapper = z.object({ key: requiredKey(), returnWrapped: flag() }).loose();

/** Outputs the record's fields at top level, or `{key, data}` with "Return wrapped output". */
export const getRecord = defineModule({
  app: 'datastore',
  name: 'GetRecord',
  version: 1,
  title: 'Data store: Get a record',
  description: "Retrieves a data store record by its key; the record's fields are output at top level.",
  kind: 'action',
  parameters: DatastoreParameters,
  mapper: GetRecordMapper,
  output: [{ name: '<field>', type: 'any', label: "Each field of the record (or key and data when 'Return wrapped output' is on)" }],
  example: {
    module: 'datastore:GetRecord',
    version: 1,
    parameters: { datastore: 12345 },
    mapper: { key: '{{1.id}}', returnWrapped: false },
  },
  async run(ctx, { parameters, mapper }) {
    const data = await ctx.dataStores.get(parameters.datastore, mapper.key);
    // GUESS (SEMANTICS.md rule 107): an unknown key is not an error; the module outputs one empty bundle.
    if (data === undefined) return [{}];
    // Fields are mapped as `{{N.field}}` [corpus: the module's `interface` lists the record's fields, no key].
    // GUESS: "Return Wrapped Output" [corpus label] gives `{key, data}`, the shape Search records outputs.
    return [mapper.returnWrapped ? { key: mapper.key, data } : { ...data }];
  },
});
