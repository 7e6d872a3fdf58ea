// Data store > Search records (`datastore:SearchRecord` v1): the records matching a filter, sorted and limited,
// one bundle each (`{{N.data.field}}`), like an iterator over the results.
import { z } from 'zod';
import { array, number, text, any } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { datastoreId, flag, optional } from './datastore-fields.ts';
import { compileRecordFilter, sortRecords } from './search-query.ts';

const SearchParameters = z
  .object({
    datastore: datastoreId(),
    continueWhenNoRes: flag(),
    limit: optional(number()),
  })
  .loose();

const Condition = z.object({ a: text(), o: text(), b: any().optional() }).loose();

/** Sort order as the editor stores it (1 ascending, -1 descending [corpus metadata]) or as words. */
const Order = z.preprocess((value) => {
  if (value === undefined || value === null || value === '' || value === 1 || value === '1' || value === 'asc') return 'asc';
  if (value === -1 || value === '-1' || value === 'desc') return 'desc';
  return value;
}, z.enum(['asc', 'desc']));

const SearchMapper = z
  .object({
    filter: optional(array(array(Condition))),
    sort: optional(array(z.object({ key: text(), order: Order }).loose())),
    mappAbleLimit: optional(number()),
  })
  .loose();

/** Searches a data store: one bundle `{key, data}` per matching record. */
export const searchRecord = defineModule({
  app: 'datastore',
  name: 'SearchRecord',
  version: 1,
  title: 'Data store: Search records',
  description: 'Outputs the data store records that match a filter, sorted and limited, one bundle per record.',
  kind: 'search',
  parameters: SearchParameters,
  mapper: SearchMapper,
  output: [
    { name: '__IMTLENGTH__', type: 'uinteger', label: 'Total number of bundles' },
    { name: '__IMTINDEX__', type: 'uinteger', label: 'Bundle order position' },
    { name: 'key', type: 'text', label: 'Key' },
    { name: 'data', type: 'collection', label: 'Record' },
  ],
  example: {
    module: 'datastore:SearchRecord',
    version: 1,
    parameters: { datastore: 12345, continueWhenNoRes: false, limit: 10 },
    mapper: { filter: [[{ a: 'status', o: 'text:equal', b: 'active' }]], sort: [{ key: 'createdAt', order: -1 }] },
  },
  async run(ctx, { parameters, mapper }) {
    const storeId = parameters.datastore;
    const matches = compileRecordFilter(mapper.filter ?? [], ctx);
    const found = sortRecords((await ctx.dataStores.list(storeId)).filter(matches), mapper.sort ?? []);
    // "Limit: the maximum number of search results … during one execution cycle" [F-datastore]. GUESS: the
    // mappable limit (`mapper.mappAbleLimit`, newer exports) wins over `parameters.limit`; blank or 0 is no limit.
    const limit = mapper.mappAbleLimit ?? parameters.limit;
    const results = limit !== undefined && limit > 0 ? found.slice(0, Math.trunc(limit)) : found;
    // "Continue the execution of the route even if the module returns no results" [F-datastore, corpus label].
    // GUESS: continuing means one empty bundle; otherwise no bundle, so the route ends here.
    if (results.length === 0) return parameters.continueWhenNoRes ? [{}] : [];
    // Position fields as on iterators, 1-based (SEMANTICS.md rule 57 GUESS) [corpus: `interface` of the module].
    return results.map((record, index) => ({ __IMTLENGTH__: results.length, __IMTINDEX__: index + 1, key: record.key, data: record.data }));
  },
});
