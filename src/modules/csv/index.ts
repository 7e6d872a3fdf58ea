// The CSV app: parse CSV text into bundles, and aggregate bundles into CSV text.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { createCsv } from './create-csv.ts';
import { parseCsv } from './parse-csv.ts';

export const csvModules = [parseCsv, createCsv] as const satisfies readonly ModuleDefinition[];
