// Compose a string: every kind of value comes out as text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { composeTransformer } from './compose-transformer.ts';

test('outputs the mapped value as text', async () => {
  const compose = (value: unknown) => runModule(composeTransformer, { mapper: { value } });
  assert.deepEqual(await compose('Hello Eva!'), [{ value: 'Hello Eva!' }]);
  assert.deepEqual(await compose(1), [{ value: '1' }]);
  assert.deepEqual(await compose(true), [{ value: 'true' }]);
  assert.deepEqual(await compose(['a', 'b']), [{ value: 'a, b' }]);
  assert.deepEqual(await compose({ a: 1 }), [{ value: '{"a":1}' }]);
  assert.deepEqual(await compose(new Date('2024-05-06T07:08:09Z')), [{ value: '2024-05-06T07:08:09.000Z' }]);
  assert.deepEqual(await compose(new TextEncoder().encode('bytes')), [{ value: 'bytes' }]);
  assert.deepEqual(await compose(null), [{ value: '' }]);
  assert.deepEqual(await runModule(composeTransformer, { mapper: {} }), [{ value: '' }]);
});
