// Iterator and Repeater outputs, edge cases included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { MakeError } from '../../executor/make-error.ts';
import { iterator } from './iterator.ts';
import { repeater } from './repeater.ts';

test('the iterator gives no bundle for null or a missing array, one for a scalar', async () => {
  assert.deepEqual(await runModule(iterator, { mapper: { array: null } }), []);
  assert.deepEqual(await runModule(iterator, { mapper: {} }), []);
  assert.deepEqual(await runModule(iterator, { mapper: { array: 'one' } }), [{ value: 'one', __IMTINDEX__: 1, __IMTLENGTH__: 1 }]);
});

test('the repeater counts from start by step, zero repeats gives nothing, over 10000 is refused', async () => {
  assert.deepEqual(await runModule(repeater, { mapper: { start: '0', repeats: '3', step: '-2' } }), [{ i: 0 }, { i: -2 }, { i: -4 }]);
  assert.deepEqual(await runModule(repeater, { mapper: { repeats: '0' } }), []);
  assert.deepEqual(await runModule(repeater, { mapper: {} }), [{ i: 1 }]);
  await assert.rejects(runModule(repeater, { mapper: { repeats: '10001' } }), (error: unknown) => error instanceof MakeError && error.type === 'BundleValidationError');
});
