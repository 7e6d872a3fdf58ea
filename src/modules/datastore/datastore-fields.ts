// Input fields shared by the data store modules: the store id parameter, keys, flags and records,
// built on executor/fields.ts so mapped values coerce the way Make's fields do.
import { z } from 'zod';
import { blankToUndefined, collection, text } from '../../executor/fields.ts';
export { flag, optional } from '../../executor/fields.ts';

const nonBlank = (value: string): boolean => value.trim() !== '';

/** A required key: text, not blank. */
export const requiredKey = () => text().refine(nonBlank, { error: 'a key is required' });

/** A record's fields (`mapper.data`): a collection, blank as no fields. */
export const recordData = () => z.preprocess(blankToUndefined, collection().default({}));

/** `parameters.datastore`: Make's numeric data store id, used as text (the ports key stores by text). */
export const datastoreId = () => text().refine(nonBlank, { error: 'choose a data store' });

/** The parameters of every data store module but Search records. */
export const DatastoreParameters = z.object({ datastore: datastoreId() }).loose();
export type DatastoreParameters = z.infer<typeof DatastoreParameters>;

/** The mapper of modules that take only a key (Get, Exist, Delete). */
export const KeyMapper = z.object({ key: requiredKey() }).loose();

/** The mapper of modules that take nothing (Delete all, Count). */
export const EmptyMapper = z.object({}).loose();
