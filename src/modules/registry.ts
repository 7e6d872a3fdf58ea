// Every built-in module Remake runs, keyed by `app:Module` and version as blueprints write them (STYLE.md rule 15).
import { moduleType, type ModuleDefinition } from '../executor/module-api.ts';
import type { ModuleRegistry } from '../executor/registry.ts';
import { builtinModules } from './builtin/index.ts';
import { csvModules } from './csv/index.ts';
import { datastoreModules } from './datastore/index.ts';
import { gatewayModules } from './gateway/index.ts';
import { httpModules } from './http/index.ts';
import { jsonModules } from './json/index.ts';
import { mathModules } from './math/index.ts';
import { regexpModules } from './regexp/index.ts';
import { scenarioServiceModules } from './scenario-service/index.ts';
import { utilModules } from './util/index.ts';

/** All built-in declarations, app by app. */
export const BUILT_IN_MODULES: readonly ModuleDefinition[] = [
  ...builtinModules,
  ...utilModules,
  ...gatewayModules,
  ...jsonModules,
  ...datastoreModules,
  ...regexpModules,
  ...mathModules,
  ...csvModules,
  ...httpModules,
  ...scenarioServiceModules,
];

/** A registry over `definitions`; a duplicate (type, version) is a bug and throws. */
export function createModuleRegistry(definitions: readonly ModuleDefinition[] = BUILT_IN_MODULES): ModuleRegistry & { list(): readonly ModuleDefinition[] } {
  const byKey = new Map<string, ModuleDefinition>();
  const versions = new Map<string, number[]>();
  for (const definition of definitions) {
    const type = moduleType(definition);
    const key = `${type}@${definition.version}`;
    if (byKey.has(key)) throw new Error(`Module ${key} is declared twice.`);
    byKey.set(key, definition);
    versions.set(type, [...(versions.get(type) ?? []), definition.version]);
  }
  return {
    lookup: (type, version) => byKey.get(`${type}@${version ?? 1}`),
    versions: (type) => versions.get(type) ?? [],
    list: () => definitions,
  };
}
