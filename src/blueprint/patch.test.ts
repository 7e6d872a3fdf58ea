// patchBlueprint's module operations (add, remove, route, error handler) and its contract: a copy is patched,
// operations apply in order and all or nothing, failures name the operation, the result is validated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertRefused, at, newVar, sample, setVar, type Json } from '../../test/support/patch-sample.ts';
import { patchBlueprint } from './patch.ts';

const flowOf = (json: Json): Json[] => json.flow as Json[];
const routeFlows = (router: Json | undefined): Json[][] => (router?.routes as { flow: Json[] }[]).map((route) => route.flow);

test('add_module inserts after a module with the next free id and a position beside it; later modules move right', () => {
  const { blueprint, diagnostics, ok, applied } = patchBlueprint(sample(), [{ op: 'add_module', after: 1, module: newVar('c') }]);
  assert.deepEqual(flowOf(blueprint).slice(0, 3), [
    flowOf(sample())[0],
    { id: 5, module: 'util:SetVariable2', version: 1, mapper: { name: 'c', scope: 'roundtrip', value: 'v' }, metadata: at(300, 0) },
    { ...setVar(2, 'a', '{{1.x}}', 600) },
  ]);
  assert.deepEqual(routeFlows(flowOf(blueprint)[3])[0]?.[0]?.metadata, at(1200, 0));
  assert.deepEqual([diagnostics, ok, applied], [[], true, 1]);
});

test('add_module at the start, inside a route, and with a chosen id', () => {
  const { blueprint } = patchBlueprint(sample(), [
    { op: 'add_module', after: 'start', module: newVar('first') },
    { op: 'add_module', after: 4, id: 40, module: { ...newVar('last'), metadata: { designer: { name: 'Kept label' } } } },
  ]);
  assert.deepEqual(flowOf(blueprint).map((m) => m.id), [5, 1, 2, 3]);
  assert.deepEqual(flowOf(blueprint)[0]?.metadata, at(0, 0));
  assert.deepEqual(routeFlows(flowOf(blueprint)[3])[0]?.[1], { id: 40, ...newVar('last'), metadata: { designer: { name: 'Kept label', x: 1500, y: 0 } } });
});

test('add_module refuses an unknown module, a router as neighbour, a used id and a malformed module', () => {
  assertRefused([{ op: 'add_module', after: 9, module: newVar('c') }], /^operations\[0\] \(add_module\) cannot be applied: module 9 does not exist; the blueprint's module ids are 1, 2, 3, 4\. No operation was applied\.$/);
  assertRefused([{ op: 'add_module', after: 3, module: newVar('c') }], /module 3 is a router, and nothing may follow a router/);
  assertRefused([{ op: 'add_module', after: 1, id: 2, module: newVar('c') }], /module id 2 is already used in the blueprint/);
  assertRefused([{ op: 'add_module', after: 1, module: { module: 'SetVariable', version: 1 } }], /operations\[0\] \(add_module\) is not valid: module\.module: "SetVariable" is not a module name/);
});

test('remove_module removes a module wherever it is; a router with routes needs withRoutes', () => {
  const { blueprint, diagnostics } = patchBlueprint(sample(), [{ op: 'remove_module', id: 2 }]);
  assert.deepEqual(flowOf(blueprint).map((m) => m.id), [1, 3]);
  // The result is validated: module 4 still maps {{2.a}}.
  assert.deepEqual(diagnostics.map((d) => [d.code, d.moduleId]), [['REFERENCE_UNKNOWN_MODULE', 4]]);
  assert.deepEqual(routeFlows(flowOf(patchBlueprint(sample(), [{ op: 'remove_module', id: 4 }]).blueprint)[2]), [[]]);
  assert.deepEqual(flowOf(patchBlueprint(sample(), [{ op: 'remove_module', id: 3, withRoutes: true }]).blueprint).map((m) => m.id), [1, 2]);
  assertRefused([{ op: 'remove_module', id: 3 }], /operations\[0\] \(remove_module\) cannot be applied: module 3 has routes holding 1 module; send withRoutes: true to remove them too/);
});

test('add_route appends (or inserts) a route below the others, giving its modules fresh ids and positions', () => {
  const { blueprint, ok } = patchBlueprint(sample(), [
    { op: 'add_route', routerId: 3, flow: [newVar('r1'), newVar('r2')] },
    { op: 'add_route', routerId: 3, index: 0, flow: [{ ...newVar('r0'), id: 20, filter: { name: 'Only A', conditions: [[{ a: '{{1.kind}}', o: 'text:equal', b: 'A' }]] } }] },
  ]);
  const routes = routeFlows(flowOf(blueprint)[2]);
  assert.deepEqual(routes.map((flow) => flow.map((m) => m.id)), [[20], [4], [5, 6]]);
  assert.deepEqual(routes[2]?.map((m) => m.metadata), [at(900, 300), at(1200, 300)]);
  assert.deepEqual(routes[0]?.[0]?.metadata, at(900, 600));
  assert.equal(ok, true);
});

test('add_route refuses a module that is no router and an index past the end', () => {
  assertRefused([{ op: 'add_route', routerId: 2, flow: [newVar('r')] }], /module 2 is util:SetVariable2, not a router \(builtin:BasicRouter\)/);
  assertRefused([{ op: 'add_route', routerId: 3, index: 5, flow: [newVar('r')] }], /router 3 has 1 routes; a new route goes at index 0 to 1/);
  assertRefused([{ op: 'add_route', routerId: 3, flow: [] }], /flow: a flow needs at least one module/);
});

test('set_error_handler attaches a handler route ending in a directive, replaces it, and removes it with null', () => {
  const breakRetry = { module: 'builtin:Break', version: 1, mapper: { retry: true, count: '3', interval: '15' } };
  const { blueprint, ok } = patchBlueprint(sample(), [{ op: 'set_error_handler', id: 2, handler: [breakRetry] }]);
  assert.deepEqual(flowOf(blueprint)[1]?.onerror, [{ id: 5, ...breakRetry, metadata: at(600, 300) }]);
  assert.equal(ok, true);
  const replaced = patchBlueprint(blueprint, [{ op: 'set_error_handler', id: 2, handler: [{ module: 'builtin:Ignore', version: 1 }] }]).blueprint;
  assert.deepEqual(flowOf(replaced)[1]?.onerror, [{ id: 5, module: 'builtin:Ignore', version: 1, metadata: at(600, 300) }]);
  const removed = patchBlueprint(replaced, [{ op: 'set_error_handler', id: 2, handler: null }]).blueprint;
  assert.deepEqual(removed, sample());
});

test('set_error_handler refuses a router, which Make never gives a handler', () => {
  assertRefused([{ op: 'set_error_handler', id: 3, handler: [{ module: 'builtin:Ignore', version: 1 }] }], /module 3 is a router, and Make attaches error handlers only to modules that can fail/);
});

test('the input is never changed, operations apply in order, and one failure applies nothing', () => {
  const input = sample();
  const { blueprint } = patchBlueprint(input, [
    { op: 'add_module', after: 2, module: newVar('c') },
    { op: 'set_mapper', id: 5, path: 'value', value: '{{2.a}}' },
  ]);
  assert.deepEqual(input, sample());
  assert.deepEqual((flowOf(blueprint)[2]?.mapper as Json).value, '{{2.a}}');
  assertRefused([{ op: 'rename', name: 'Renamed' }, { op: 'remove_module', id: 99 }], /^operations\[1\] \(remove_module\) cannot be applied: module 99 does not exist/, input);
  assert.deepEqual(input, sample());
});

test('operations that are not a list, an unknown op and a blueprint without a flow are refused', () => {
  assertRefused({ op: 'rename', name: 'x' }, /The patch operations must be a JSON array/);
  assertRefused([{ op: 'rename', name: 'x' }, { op: 'move_module', id: 2 }], /^operations\[1\] is not valid: 'move_module' is not an operation; use one of add_module, remove_module,/);
  assertRefused([{ name: 'x' }], /operations\[0\] is not valid: it has no `op`/);
  assertRefused([{ op: 'rename', name: 'x', extra: true }], /operations\[0\] \(rename\) is not valid: Unrecognized key: "extra"/);
  assertRefused([], /must be a JSON object with a `flow` array/, { name: 'x' });
});

test('the order webhook example takes a patch and stays valid', () => {
  const example: unknown = JSON.parse(readFileSync(new URL('../../examples/blueprints/order-webhook.blueprint.json', import.meta.url), 'utf8'));
  const result = patchBlueprint(example, [{ op: 'add_module', after: 4, module: { ...newVar('summary'), mapper: { name: 'summary', scope: 'roundtrip', value: '{{4.text}}' } } }]);
  assert.equal(result.ok, true);
  assert.deepEqual(flowOf(result.blueprint).map((m) => m.id), [1, 2, 3, 4, 8, 5]);
});
