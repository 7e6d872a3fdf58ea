// The blueprint catalog's `runnable` flags (what validate calls "needs a mock") and the executor's module registry
// are two views of one fact: which modules Remake runs. They must name the same modules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG } from '../src/blueprint/index.ts';
import { moduleType } from '../src/executor/module-api.ts';
import { BUILT_IN_MODULES } from '../src/modules/registry.ts';

test('every module the registry declares is runnable in the catalog, and every runnable catalog entry is declared', () => {
  const declared = new Set(BUILT_IN_MODULES.map(moduleType));
  declared.add('placeholder:Placeholder'); // an empty slot: the executor walks past it without a declaration
  const runnable = new Set(Object.entries(CATALOG).filter(([, entry]) => entry.runnable).map(([type]) => type));
  assert.deepEqual([...runnable].filter((type) => !declared.has(type)).sort(), [], 'runnable in the catalog but not declared');
  assert.deepEqual([...declared].filter((type) => !runnable.has(type)).sort(), [], 'declared but not runnable in the catalog');
});
