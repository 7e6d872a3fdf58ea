// extractComponents: the trigger and module roles, environment ids grouped by kind (with field and label),
// the modules a run must mock, and a refusal only for an unusable top level.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RemakeError } from '../shared/errors.ts';
import { extractComponents } from './components.ts';

type Json = Record<string, unknown>;

const example = (): unknown => JSON.parse(readFileSync(new URL('../../examples/blueprints/order-webhook.blueprint.json', import.meta.url), 'utf8'));
const blueprint = (flow: Json[], extra: Json = {}): Json => ({ name: 'Components', flow, metadata: { version: 1, scenario: { roundtrips: 1, dlq: true } }, ...extra });

test('the order webhook example: a webhook trigger, each module with its role, one hook, nothing to mock', () => {
  const components = extractComponents(example());
  assert.equal(components.name, 'Orders: tag big orders and answer the webhook');
  assert.deepEqual(components.trigger, { moduleId: 1, module: 'gateway:CustomWebHook', kind: 'webhook' });
  assert.deepEqual(
    components.modules.map(({ id, role }) => [id, role]),
    [[1, 'instant-trigger'], [2, 'iterator'], [3, 'action'], [4, 'aggregator'], [5, 'router'], [6, 'responder'], [7, 'responder']],
  );
  assert.deepEqual(components.modules[1], { id: 2, module: 'builtin:BasicFeeder', version: 1, label: 'Each item', role: 'iterator', path: 'flow[1]' });
  assert.deepEqual(components.hooks, [{ moduleId: 1, module: 'gateway:CustomWebHook', id: 101, field: 'hook', section: 'parameters' }]);
  assert.deepEqual([components.connections, components.keys, components.dataStores, components.needsMocks], [[], [], [], []]);
  assert.equal(components.environmentIds.length, 1);
  assert.equal(components.settings.roundtrips, 1);
});

test('ids of every kind are grouped with their module, field and saved label; third-party modules need mocks', () => {
  const components = extractComponents(
    blueprint(
      [
        { id: 1, module: 'google-sheets:watchRows', version: 2, parameters: { __IMTCONN__: 11 }, metadata: { restore: { parameters: { __IMTCONN__: { label: 'My Google' } } } } },
        { id: 2, module: 'http:ActionSendDataAPIKeyAuth', version: 3, parameters: { auth: 22 }, mapper: { url: 'https://example.com' } },
        { id: 3, module: 'datastore:GetRecord', version: 1, parameters: { datastore: 33 }, mapper: { key: 'k' } },
        { id: 4, module: 'json:ParseJSON', version: 1, parameters: { type: 44 }, mapper: { json: '{}' } },
        { id: 5, module: 'scenario-service:CallSubscenario', version: 2, parameters: { scenario: 'SCN_55' }, mapper: {} },
        { id: 6, module: 'acme:DoThing', version: 1, mapper: { 'my conn': 66 }, metadata: { expect: [{ name: 'my conn', type: 'account:acme' }] } },
        { id: 7, module: 'builtin:Sleep', version: 1, mapper: {} },
      ],
      { metadata: { designer: { orphans: [[{ id: 8, module: 'slack:CreateMessage', version: 4, parameters: { __IMTCONN__: 88 } }]] } } },
    ),
  );
  assert.deepEqual(components.trigger, { moduleId: 1, module: 'google-sheets:watchRows', kind: 'polling' });
  assert.deepEqual(components.connections, [
    { moduleId: 1, module: 'google-sheets:watchRows', id: 11, field: '__IMTCONN__', section: 'parameters', label: 'My Google' },
    { moduleId: 6, module: 'acme:DoThing', id: 66, field: 'my conn', section: 'mapper' },
    { moduleId: 8, module: 'slack:CreateMessage', id: 88, field: '__IMTCONN__', section: 'parameters' },
  ]);
  assert.deepEqual(components.keys.map((k) => [k.moduleId, k.id, k.field]), [[2, 22, 'auth']]);
  assert.deepEqual(components.dataStores.map((k) => [k.moduleId, k.id]), [[3, 33]]);
  assert.deepEqual(components.dataStructures.map((k) => [k.moduleId, k.id]), [[4, 44]]);
  assert.deepEqual(components.scenarios.map((k) => [k.moduleId, k.id]), [[5, 'SCN_55']]);
  assert.equal(components.environmentIds.length, 7);
  // The orphan (never run) and the non-Make builtin:Sleep (validate reports it) are not mocks.
  assert.deepEqual(components.needsMocks, [
    { moduleId: 1, module: 'google-sheets:watchRows' },
    { moduleId: 5, module: 'scenario-service:CallSubscenario' },
    { moduleId: 6, module: 'acme:DoThing' },
  ]);
  assert.equal(components.modules.at(-1)?.path, 'metadata.designer.orphans[0][0]');
  assert.equal(components.settings.dlq, false, 'metadata without scenario settings gives the defaults');
});

test('a scheduled scenario starting with an action has trigger kind none; an empty flow has no trigger', () => {
  assert.deepEqual(extractComponents(blueprint([{ id: 1, module: 'http:ActionSendData', version: 3, mapper: { url: 'https://example.com' } }])).trigger, {
    moduleId: 1,
    module: 'http:ActionSendData',
    kind: 'none',
  });
  const empty = extractComponents(blueprint([]));
  assert.equal(empty.trigger, undefined);
  assert.deepEqual(empty.settings.dlq, true);
});

test('a top level that is no blueprint throws BLUEPRINT_SHAPE; shape problems further down do not', () => {
  assert.throws(() => extractComponents([1, 2]), (error: unknown) => error instanceof RemakeError && error.code === 'BLUEPRINT_SHAPE' && /JSON object/.test(error.message));
  assert.throws(() => extractComponents({ name: 'x', flow: 'no' }), { code: 'BLUEPRINT_SHAPE' });
  assert.equal(extractComponents(blueprint([{ id: 'one', module: 'util:SetVariable2' }])).modules.length, 1);
});
