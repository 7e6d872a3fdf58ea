// The module catalog: search ranking, fields derived from zod schemas, unknown modules named with close matches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { RemakeError } from '../shared/errors.ts';
import { describeModule, describeSchemaFields, listModules, searchModules } from './module-catalog.ts';

test('searchModules puts the exact name first and matches titles and descriptions case-insensitively', () => {
  assert.equal(searchModules('SetVariable2')[0]?.module, 'util:SetVariable2');
  assert.equal(searchModules('util:setvariable2')[0]?.module, 'util:SetVariable2');
  const byTitle = searchModules('set variable').map((entry) => entry.module);
  assert.ok(byTitle.includes('util:SetVariable2') && byTitle.includes('util:SetVariables'));
  assert.ok(searchModules('webhook').some((entry) => entry.module === 'gateway:CustomWebHook'));
  assert.deepEqual(searchModules('no such module anywhere'), []);
  assert.equal(searchModules('').length, listModules().length);
});

test('describeModule derives mapper fields with types, required flags, options and nested fields', () => {
  const described = describeModule('util:SetVariable2');
  assert.equal(described.kind, 'action');
  assert.equal(described.version, 1);
  assert.deepEqual(described.mapper.find((field) => field.name === 'name'), { name: 'name', type: 'text', required: true });
  assert.deepEqual(described.mapper.find((field) => field.name === 'scope')?.options, ['roundtrip', 'execution']);
  assert.deepEqual(described.parameters, []);
  assert.equal(described.example?.module, 'util:SetVariable2');
  const many = describeModule('util:SetVariables').mapper.find((field) => field.name === 'variables');
  assert.equal(many?.type, 'array');
  assert.deepEqual(many?.fields?.map((field) => field.name), ['name', 'value']);
});

test('describeSchemaFields maps zod types to Make field types', () => {
  const fields = describeSchemaFields(
    z.object({ a: z.string(), b: z.number().optional(), c: z.boolean().default(false), d: z.array(z.string()), e: z.record(z.string(), z.unknown()), f: z.unknown() }),
  );
  assert.deepEqual(
    fields.map((field) => [field.name, field.type, field.required]),
    [['a', 'text', true], ['b', 'number', false], ['c', 'boolean', false], ['d', 'array', true], ['e', 'collection', true], ['f', 'any', false]],
  );
  assert.deepEqual(describeSchemaFields(z.unknown()), []);
});

test('an unknown module or version is a RemakeError naming close matches', () => {
  assert.throws(() => describeModule('util:SetVariable'), (error: unknown) => error instanceof RemakeError && error.code === 'MODULE_UNKNOWN' && error.message.includes('util:SetVariable2'));
  assert.throws(() => describeModule('util:SetVariable2', 7), /no version 7; Remake knows version 1/);
});
