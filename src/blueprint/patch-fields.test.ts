// patchBlueprint's field operations: set_mapper, set_parameter, delete_mapper, set_filter, set_setting and
// rename, each with the JSON it produces and a refusal with its message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertRefused, sample, type Json } from '../../test/support/patch-sample.ts';
import { patchBlueprint } from './patch.ts';

const moduleAt = (json: Json, index: number): Json => (json.flow as Json[])[index] as Json;

test('set_mapper sets a field by dotted path or key list, creating objects on the way and indexing arrays', () => {
  const { blueprint } = patchBlueprint(sample(), [
    { op: 'set_mapper', id: 2, path: 'value', value: '{{1.y}}' },
    { op: 'set_mapper', id: 2, path: 'extra.deep', value: { n: 1 } },
    { op: 'set_mapper', id: 2, path: ['list'], value: ['a', 'b'] },
    { op: 'set_mapper', id: 2, path: ['list', 1], value: 'B' },
    { op: 'set_mapper', id: 2, path: 'list.2', value: 'c' },
  ]);
  assert.deepEqual(moduleAt(blueprint, 1).mapper, { name: 'a', scope: 'roundtrip', value: '{{1.y}}', extra: { deep: { n: 1 } }, list: ['a', 'B', 'c'] });
});

test('set_mapper refuses a path through text, a reserved key, an index past the end and a missing value', () => {
  assertRefused([{ op: 'set_mapper', id: 2, path: 'value.x', value: 1 }], /^operations\[0\] \(set_mapper\) cannot be applied: module 2's mapper\.value is "\{\{1\.x\}\}", not an object or array, so the path cannot go through it\. No operation was applied\.$/);
  assertRefused([{ op: 'set_mapper', id: 2, path: '__proto__.polluted', value: 1 }], /the path __proto__\.polluted uses the reserved key '__proto__'/);
  assertRefused([{ op: 'set_mapper', id: 2, path: 'list', value: [] }, { op: 'set_mapper', id: 2, path: 'list.3', value: 1 }], /operations\[1\] \(set_mapper\) cannot be applied: module 2's mapper\.list is an array of 0 items; '3' is not an index in it/);
  assertRefused([{ op: 'set_mapper', id: 2, path: 'value' }], /operations\[0\] \(set_mapper\) is not valid: value: value must be a JSON value/);
});

test('set_parameter writes into parameters, creating them when the module has none or null', () => {
  const { blueprint } = patchBlueprint(sample(), [
    { op: 'set_parameter', id: 1, path: 'maxResults', value: 2 },
    { op: 'set_parameter', id: 3, path: 'note', value: true },
  ]);
  assert.deepEqual(moduleAt(blueprint, 0).parameters, { hook: 7, maxResults: 2 });
  assert.deepEqual(moduleAt(blueprint, 2).parameters, { note: true });
  assertRefused([{ op: 'set_parameter', id: 8, path: 'x', value: 1 }], /operations\[0\] \(set_parameter\) cannot be applied: module 8 does not exist/);
});

test('delete_mapper removes a field (an array item is spliced out); a missing field is refused', () => {
  const { blueprint } = patchBlueprint(sample(), [
    { op: 'set_mapper', id: 2, path: 'list', value: ['a', 'b', 'c'] },
    { op: 'delete_mapper', id: 2, path: 'scope' },
    { op: 'delete_mapper', id: 2, path: 'list.1' },
  ]);
  assert.deepEqual(moduleAt(blueprint, 1).mapper, { name: 'a', value: '{{1.x}}', list: ['a', 'c'] });
  assertRefused([{ op: 'delete_mapper', id: 2, path: 'nmae' }], /^operations\[0\] \(delete_mapper\) cannot be applied: module 2's mapper\.nmae does not exist\. No operation was applied\.$/);
  assertRefused([{ op: 'delete_mapper', id: 3, path: 'x' }], /module 3 has no mapper/);
});

test('set_filter sets a link filter and removes it with null', () => {
  const filter = { name: 'Only paid', conditions: [[{ a: '{{1.status}}', o: 'text:equal', b: 'paid' }]] };
  const { blueprint, ok } = patchBlueprint(sample(), [{ op: 'set_filter', id: 2, filter }]);
  assert.deepEqual(moduleAt(blueprint, 1).filter, filter);
  assert.equal(ok, true);
  assert.deepEqual(patchBlueprint(blueprint, [{ op: 'set_filter', id: 2, filter: null }]).blueprint, sample());
  assertRefused([{ op: 'set_filter', id: 2, filter: { name: 'x', conditions: [{ a: '1', o: 'exist' }] } }], /operations\[0\] \(set_filter\) is not valid: filter\.conditions\.0: an AND group must be an array/);
});

test('set_setting changes one scenario setting, creating metadata.scenario when absent, and checks the value type', () => {
  const { blueprint } = patchBlueprint(sample(), [
    { op: 'set_setting', key: 'dlq', value: true },
    { op: 'set_setting', key: 'roundtrips', value: 2 },
  ]);
  assert.deepEqual((blueprint.metadata as Json).scenario, { roundtrips: 2, maxErrors: 3, dlq: true });
  const bare = patchBlueprint({ name: 'x', flow: [] }, [{ op: 'set_setting', key: 'sequential', value: true }]).blueprint;
  assert.deepEqual(bare.metadata, { version: 1, scenario: { sequential: true } });
  assertRefused([{ op: 'set_setting', key: 'dlq', value: 1 }], /^operations\[0\] \(set_setting\) is not valid: value: this setting takes true or false\. No operation was applied\.$/);
  assertRefused([{ op: 'set_setting', key: 'maxErrors', value: true }], /value: this setting takes a whole number/);
  assertRefused([{ op: 'set_setting', key: 'slots', value: 1 }], /operations\[0\] \(set_setting\) is not valid: key: /);
});

test('rename sets the scenario name; an empty name is refused', () => {
  assert.equal(patchBlueprint(sample(), [{ op: 'rename', name: 'Orders v2' }]).blueprint.name, 'Orders v2');
  assertRefused([{ op: 'rename', name: '' }], /operations\[0\] \(rename\) is not valid: name: a scenario name is non-empty text/);
});
