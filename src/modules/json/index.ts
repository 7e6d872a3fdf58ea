// The JSON app: parse JSON text into bundles, and write mapped values, or whole aggregations, as JSON text.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { aggregateToJson } from './aggregate-to-json.ts';
import { createJson } from './create-json.ts';
import { parseJson } from './parse-json.ts';
import { transformToJson } from './transform-to-json.ts';

export const jsonModules = [parseJson, createJson, transformToJson, aggregateToJson] as const satisfies readonly ModuleDefinition[];
