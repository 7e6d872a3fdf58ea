// The data store app (`datastore:`): every module, version 1, for the registry.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { addRecord } from './add-record.ts';
import { countRecords } from './count-records.ts';
import { deleteAllRecords } from './delete-all-records.ts';
import { deleteRecord } from './delete-record.ts';
import { existRecord } from './exist-record.ts';
import { getRecord } from './get-record.ts';
import { searchRecord } from './search-record.ts';
import { stats } from './stats.ts';
import { updateRecord } from './update-record.ts';

/** Data store modules (SEMANTICS.md §12). */
export const datastoreModules = [
  addRecord,
  updateRecord,
  getRecord,
  existRecord,
  deleteRecord,
  deleteAllRecords,
  searchRecord,
  countRecords,
  stats,
] as const satisfies readonly ModuleDefinition[];
