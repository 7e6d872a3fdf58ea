// Create JSON, Transform to JSON and Aggregate to JSON: the text they write and the Indentation parameter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAggregator, runModule } from '../../../test/support/module-context.ts';
import { aggregateToJson } from './aggregate-to-json.ts';
import { createJson } from './create-json.ts';
import { transformToJson } from './transform-to-json.ts';

test('Create JSON writes the mapped fields as compact JSON when Indentation is empty', async () => {
  const mapper = { model: 'llama', temperature: 0.2, messages: [{ role: 'user', content: 'Say "hi"' }], when: new Date('2024-05-06T07:08:09Z') };
  assert.deepEqual(await runModule(createJson, { parameters: { type: 415902, space: '' }, mapper }), [
    { json: '{"model":"llama","temperature":0.2,"messages":[{"role":"user","content":"Say \\"hi\\""}],"when":"2024-05-06T07:08:09.000Z"}' },
  ]);
});

test('Indentation tab, 2 and 4 indent the text; an unknown value is a configuration error', async () => {
  const mapper = { a: [1] };
  assert.deepEqual(await runModule(createJson, { parameters: { space: 'tab' }, mapper }), [{ json: '{\n\t"a": [\n\t\t1\n\t]\n}' }]);
  assert.deepEqual(await runModule(createJson, { parameters: { space: '2' }, mapper }), [{ json: '{\n  "a": [\n    1\n  ]\n}' }]);
  assert.deepEqual(await runModule(createJson, { parameters: { space: 4 }, mapper }), [{ json: '{\n    "a": [\n        1\n    ]\n}' }]);
  assert.deepEqual(await runModule(createJson, { parameters: { space: null }, mapper }), [{ json: '{"a":[1]}' }]);
  await assert.rejects(runModule(createJson, { parameters: { space: 'wide' }, mapper }), {
    name: 'InvalidConfigurationError',
    message: "Indentation 'wide' is not one of tab, 2 or 4.",
  });
});

test('Transform to JSON quotes and escapes text, and writes arrays and collections as JSON', async () => {
  assert.deepEqual(await runModule(transformToJson, { parameters: { space: '' }, mapper: { object: 'He said "hi"\nthen left' } }), [
    { json: '"He said \\"hi\\"\\nthen left"' },
  ]);
  assert.deepEqual(await runModule(transformToJson, { parameters: {}, mapper: { object: [{ h: 'H1' }, 2] } }), [{ json: '[{"h":"H1"},2]' }]);
  assert.deepEqual(await runModule(transformToJson, { parameters: {}, mapper: {} }), [{ json: 'null' }]);
});

test('Aggregate to JSON writes one JSON array of the aggregated items', async () => {
  const items = [{ id: 1, name: 'a' }, { id: 2, name: 'b' }];
  assert.deepEqual(await runAggregator(aggregateToJson, { parameters: { feeder: 2, type: 9, space: '' }, items }), { json: '[{"id":1,"name":"a"},{"id":2,"name":"b"}]' });
  assert.deepEqual(await runAggregator(aggregateToJson, { parameters: { feeder: 2, space: '2' }, items: [{ id: 1 }] }), { json: '[\n  {\n    "id": 1\n  }\n]' });
  assert.deepEqual(await runAggregator(aggregateToJson, { parameters: { feeder: 2 }, items: [] }), { json: '[]' });
});
