// A scenario interface's input spec as the JSON Schema of its run_scenario_<id> tool (Make's legacy server's type table).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { inputSchemaOf } from './scenario-tools.ts';

test('maps every Make type, keeps required fields and nested collections and arrays', () => {
  const schema = inputSchemaOf([
    { name: 'name', type: 'text', required: true, label: 'Name' },
    { name: 'count', type: 'number' },
    { name: 'vip', type: 'boolean' },
    { name: 'since', type: 'date', required: true },
    { name: 'raw', type: 'json' },
    { name: 'address', type: 'collection', spec: [{ name: 'city', type: 'text', required: true }] },
    { name: 'tags', type: 'array', spec: { type: 'text' } },
    { name: 'plan', type: 'select', options: [{ label: 'Free', value: 'free' }, { label: 'Pro', value: 'pro' }] },
  ]);
  assert.deepEqual(schema.required, ['name', 'since']);
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, value.type])), {
    name: 'string', count: 'number', vip: 'boolean', since: 'string', raw: 'string', address: 'object', tags: 'array', plan: undefined,
  });
  assert.deepEqual(properties.address?.required, ['city']);
  assert.deepEqual(properties.tags?.items, { type: 'string' });
  assert.deepEqual(properties.plan?.enum, ['free', 'pro']);
  assert.equal(properties.name?.description, 'Name');

  const zod = z.fromJSONSchema(schema);
  assert.equal(zod.safeParse({ name: 'ada', since: '2024-01-01', address: { city: 'Prague' }, tags: ['a'] }).success, true);
  assert.equal(zod.safeParse({ since: '2024-01-01' }).success, false);
});

test('no inputs: an empty object schema', () => {
  assert.deepEqual(inputSchemaOf([]), { type: 'object', properties: {} });
  assert.deepEqual(inputSchemaOf(null), { type: 'object', properties: {} });
});
