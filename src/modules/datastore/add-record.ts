// Data store > Add/replace a record (`datastore:AddRecord` v1): writes a record under a key, generating one when blank.
import { z } from 'zod';
import { defineModule, type ModuleContext } from '../../executor/module-api.ts';
import { MakeError } from '../../executor/make-error.ts';
import { text } from '../../executor/fields.ts';
import { InternalError } from '../../shared/errors.ts';
import { DatastoreParameters, flag, optional, recordData } from './datastore-fields.ts';
import { toRecordData } from './record-data.ts';
import { joinTransaction } from './record-transaction.ts';

const AddRecordMapper = z
  .object({
    key: optional(text()),
    data: recordData(),
    overwrite: flag(),
  })
  .loose();

const MAX_KEY_ATTEMPTS = 20;

/**
 * A new key in the shape Make gives generated keys (12 hex digits, e.g. `ecc4819b2260` in the Make API
 * reference's record example). GUESS: Make's generator is not documented; the first 12 hex digits of a v4
 * UUID are all random.
 */
async function generateKey(ctx: ModuleContext, storeId: string): Promise<string> {
  for (let attempt = 0; attempt < MAX_KEY_ATTEMPTS; attempt += 1) {
    const key = ctx.uuid().replace(/-/g, '').slice(0, 12);
    if ((await ctx.dataStores.get(storeId, key)) === undefined) return key;
  }
  // Only a uuid source that repeats itself gets here; fail instead of looping.
  throw new InternalError(`Could not generate a free key for data store ${storeId} in ${MAX_KEY_ATTEMPTS} attempts.`);
}

/** Adds a record, or replaces it when "Overwrite an existing record" is on. */
export const addRecord = defineModule({
  app: 'datastore',
  name: 'AddRecord',
  version: 1,
  title: 'Data store: Add/replace a record',
  description: 'Adds a record to a data store, or replaces the record with the same key when overwriting is on.',
  kind: 'action',
  transactional: true,
  parameters: DatastoreParameters,
  mapper: AddRecordMapper,
  output: [
    { name: 'key', type: 'text', label: 'Key' },
    { name: 'data', type: 'collection', label: 'Record' },
  ],
  example: {
    module: 'datastore:AddRecord',
    version: 1,
    parameters: { datastore: 12345 },
    mapper: { key: '{{1.id}}', data: { email: '{{1.email}}' }, overwrite: false },
  },
  async run(ctx, { parameters, mapper }) {
    const storeId = parameters.datastore;
    // A blank key gets a generated one [F-datastore "If you leave this field blank, a key is generated automatically"].
    const key = mapper.key === undefined || mapper.key.trim() === '' ? await generateKey(ctx, storeId) : mapper.key;
    const previous = await ctx.dataStores.get(storeId, key);
    // "The module throws an error when you try to add a record which is already in the data store … and the
    // Overwrite an existing record option is disabled" [F-datastore]. GUESS: the type is DuplicateDataError
    // ("same item inserted twice" [F-errtypes]).
    if (previous !== undefined && !mapper.overwrite) {
      throw new MakeError(
        'DuplicateDataError',
        `Data store ${storeId} already has a record with key '${key}'. Turn on "Overwrite an existing record" to replace it.`,
      );
    }
    const data = toRecordData(mapper.data);
    await ctx.dataStores.put(storeId, key, data);
    joinTransaction(ctx, storeId, [{ key, data: previous }]);
    // "Returns the ID of the record and any associated fields" [F-datastore]; `{{N.key}}` [corpus].
    // GUESS: the fields are wrapped in `data`, as Search records outputs them (label "Record").
    return [{ key, data }];
  },
});
