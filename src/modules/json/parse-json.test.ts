// Parse JSON: object and array roots, primitives, and where invalid JSON breaks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MakeError } from '../../executor/make-error.ts';
import { runModule } from '../../../test/support/module-context.ts';
import { parseJson } from './parse-json.ts';

test('an object root is one bundle with its fields at the top level', async () => {
  const bundles = await runModule(parseJson, { parameters: { type: 415854 }, mapper: { json: '{"category":"sales","score":3,"tags":["a"],"owner":{"name":"Eva"}}' } });
  assert.deepEqual(bundles, [{ category: 'sales', score: 3, tags: ['a'], owner: { name: 'Eva' } }]);
});

test('an array root is one bundle per item: objects by field, other items as value', async () => {
  const bundles = await runModule(parseJson, { parameters: null, mapper: { json: '[{"id":1},{"id":2},"https://a.example",7,null,[1]]' } });
  assert.deepEqual(bundles, [{ id: 1 }, { id: 2 }, { value: 'https://a.example' }, { value: 7 }, { value: null }, { value: [1] }]);
  assert.deepEqual(await runModule(parseJson, { mapper: { json: ' [] ' } }), []);
});

test('a primitive root is one value bundle, and a byte-order mark is ignored', async () => {
  assert.deepEqual(await runModule(parseJson, { mapper: { json: '"hello"' } }), [{ value: 'hello' }]);
  assert.deepEqual(await runModule(parseJson, { mapper: { json: '\uFEFF{"a":true}' } }), [{ a: true }]);
});

test('a "__proto__" key stays a field and does not change the prototype', async () => {
  const [bundle] = await runModule(parseJson, { mapper: { json: '{"__proto__":{"polluted":true}}' } });
  assert.ok(bundle);
  assert.equal(Object.getPrototypeOf(bundle), Object.prototype);
  assert.deepEqual(Object.keys(bundle), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('invalid JSON is a DataError that says where it breaks', async () => {
  await assert.rejects(runModule(parseJson, { mapper: { json: '{\n  "a": 1,\n  "b": }' } }), (error: unknown) => {
    assert.ok(error instanceof MakeError);
    assert.equal(error.type, 'DataError');
    assert.equal(error.message, 'The JSON string is not valid JSON: value expected at line 3, column 8.');
    return true;
  });
  await assert.rejects(runModule(parseJson, { mapper: { json: '```json\n{"a":1}\n```' } }), /not valid JSON: invalid symbol at line 1, column 1\./);
  await assert.rejects(runModule(parseJson, { mapper: { json: '{"a":1' } }), /not valid JSON: .* at line 1, column 7\./);
  await assert.rejects(runModule(parseJson, { mapper: { json: '   ' } }), { name: 'DataError', message: 'The JSON string is empty.' });
});

test('a missing json field fails validation like any required field', async () => {
  await assert.rejects(runModule(parseJson, { mapper: {} }), { name: 'BundleValidationError' });
});
