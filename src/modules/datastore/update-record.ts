// Data store > Update a record (`datastore:UpdateRecord` v1): merges mapped fields into an existing record,
// or inserts it when "Insert missing record" is on.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { MakeError } from '../../executor/make-error.ts';
import type { DataRecord } from '../../executor/ports.ts';
import { DatastoreParameters, flag, recordData, requiredKey } from './datastore-fields.ts';
import { toRecordData } from './record-data.ts';
import { joinTransaction } from './record-transaction.ts';

const UpdateRecordMapper = z
  .object({
    key: requiredKey(),
    data: recordData(),
    upsert: flag(),
    overwriteArrays: flag(),
  })
  .loose();

/**
 * The record after an update. GUESS (SEMANTICS.md rule 107): every mapped top-level field replaces the stored one,
 * fields not mapped stay; with "Overwrite an existing array" off, a mapped array is appended to a stored array.
 */
export function mergeRecord(stored: DataRecord, update: DataRecord, overwriteArrays: boolean): DataRecord {
  const merged: DataRecord = { ...stored };
  for (const [field, value] of Object.entries(update)) {
    const old = stored[field];
    merged[field] = !overwriteArrays && Array.isArray(old) && Array.isArray(value) ? [...old, ...value] : value;
  }
  return merged;
}

/** Updates a record's fields; a missing record is an error unless upsert is on. */
export const updateRecord = defineModule({
  app: 'datastore',
  name: 'UpdateRecord',
  version: 1,
  title: 'Data store: Update a record',
  description: 'Updates the given fields of a data store record, optionally inserting the record when it is missing.',
  kind: 'action',
  transactional: true,
  parameters: DatastoreParameters,
  mapper: UpdateRecordMapper,
  output: [
    { name: 'key', type: 'text', label: 'Key' },
    { name: 'data', type: 'collection', label: 'Record' },
  ],
  example: {
    module: 'datastore:UpdateRecord',
    version: 1,
    parameters: { datastore: 12345 },
    mapper: { key: '{{1.id}}', data: { status: 'done' }, upsert: true, overwriteArrays: false },
  },
  async run(ctx, { parameters, mapper }) {
    const storeId = parameters.datastore;
    const { key } = mapper;
    const previous = await ctx.dataStores.get(storeId, key);
    // "Insert missing record: create a new record if the record with the specified key doesn't already exist"
    // [F-datastore]. GUESS (rule 107): without it a missing record is a DataError.
    if (previous === undefined && !mapper.upsert) {
      throw new MakeError('DataError', `Data store ${storeId} has no record with key '${key}'. Turn on "Insert missing record" to create it.`);
    }
    const data = mergeRecord(previous ?? {}, toRecordData(mapper.data), mapper.overwriteArrays);
    await ctx.dataStores.put(storeId, key, data);
    joinTransaction(ctx, storeId, [{ key, data: previous }]);
    // GUESS: the same `{key, data}` output as Add/replace a record [F-datastore "returns the ID of the record and any associated fields"].
    return [{ key, data }];
  },
});
