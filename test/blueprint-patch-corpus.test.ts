// The corpus through extract_blueprint_components and patch_blueprint: every export-tier blueprint yields its
// components (one connection entry per connection id remap lists), and adding a Set variable module changes no error.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { extractComponents, importBlueprint, listEnvironmentIds, patchBlueprint, validateBlueprint } from '../src/blueprint/index.ts';
import { CORPUS_DIR, corpusTiers, readBlueprint } from './support/corpus.ts';

const tiers = corpusTiers();
const exports = readdirSync(new URL('blueprints/', CORPUS_DIR)).filter((file) => tiers.get(file) === 'export').sort();

const errorCount = (json: unknown): number => validateBlueprint(json).diagnostics.filter((d) => d.severity === 'error').length;

/** The first module's id, or 'start' when it has none or is a router (nothing may follow a router in its flow). */
function anchor(json: unknown): number | 'start' {
  const first = (json as { flow: { id?: unknown; module?: unknown }[] }).flow[0];
  return typeof first?.id === 'number' && first.module !== 'builtin:BasicRouter' ? first.id : 'start';
}

test('the corpus has export-tier blueprints to check', () => {
  assert.ok(exports.length > 300, `only ${exports.length} export-tier files`);
});

test('extractComponents reads every export-tier blueprint and lists one connection per connection id', () => {
  for (const file of exports) {
    const json = readBlueprint(file);
    const components = extractComponents(json);
    const model = importBlueprint(json).model;
    assert.ok(model, file);
    const connections = listEnvironmentIds(model).filter((id) => id.kind === 'connection').length;
    assert.equal(components.connections.length, connections, file);
    assert.equal(components.modules.length > 0 || components.trigger === undefined, true, file);
  }
});

test('adding util:SetVariable2 after the first module of every export keeps its error count', () => {
  for (const file of exports) {
    const json = readBlueprint(file);
    const before = JSON.stringify(json);
    const module = { module: 'util:SetVariable2', version: 1, mapper: { name: 'remakeProbe', scope: 'roundtrip', value: 'probe' } };
    const result = patchBlueprint(json, [{ op: 'add_module', after: anchor(json), module }]);
    assert.equal(result.applied, 1, file);
    assert.equal(result.diagnostics.filter((d) => d.severity === 'error').length, errorCount(json), file);
    assert.equal(JSON.stringify(json), before, `${file}: the input was changed`);
  }
});
