// Text and numeric aggregators: separators, each numeric function, empty sets and non-numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAggregator } from '../../../test/support/module-context.ts';
import { MakeError } from '../../executor/make-error.ts';
import { numericAggregator, textAggregator } from './aggregators.ts';
import { tableAggregator } from './table-aggregator.ts';

const values = (...list: unknown[]) => list.map((value) => ({ value }));

test('the text aggregator joins values with the row separator, a custom one with "other"', async () => {
  assert.deepEqual(await runAggregator(textAggregator, { parameters: { feeder: 2, rowSeparator: '\n' }, items: values('a', 1, true) }), { text: 'a\n1\ntrue' });
  assert.deepEqual(await runAggregator(textAggregator, { parameters: { feeder: 2, rowSeparator: '' }, items: values('a', 'b') }), { text: 'ab' });
  assert.deepEqual(await runAggregator(textAggregator, { parameters: { feeder: 2, rowSeparator: 'other', otherRowSeparator: ' | ' }, items: values('a', 'b') }), { text: 'a | b' });
  assert.deepEqual(await runAggregator(textAggregator, { parameters: { feeder: 2, rowSeparator: null }, items: [] }), { text: '' });
});

test('the numeric aggregator computes sum, avg, count, max and min; empty values are skipped but counted', async () => {
  const items = values('4', 10, '', 1);
  const result = async (fn: string) => (await runAggregator(numericAggregator, { parameters: { feeder: 2, fn }, items })).result;
  assert.equal(await result('sum'), 15);
  assert.equal(await result('avg'), 5);
  assert.equal(await result('count'), 4);
  assert.equal(await result('max'), 10);
  assert.equal(await result('min'), 1);
  assert.equal((await runAggregator(numericAggregator, { parameters: { feeder: 2, fn: 'avg' }, items: [] })).result, null);
});

test('a value that is not a number is a DataError naming it', async () => {
  await assert.rejects(
    runAggregator(numericAggregator, { parameters: { feeder: 2, fn: 'sum' }, items: values(1, 'abc') }),
    (error: unknown) => error instanceof MakeError && error.type === 'DataError' && /'abc' is not a number/.test(error.message),
  );
});

test('the table aggregator writes one row per bundle, columns in mapping order', async () => {
  const items = [{ name: 'pen', price: 3 }, { name: 'ink', price: 12.5 }];
  assert.deepEqual(await runAggregator(tableAggregator, { parameters: { feeder: 2, rowSeparator: '\n', columnSeparator: '\t' }, items }), { text: 'pen\t3\nink\t12.5' });
  assert.deepEqual(await runAggregator(tableAggregator, { parameters: { feeder: 2, rowSeparator: 'other', otherRowSeparator: ' / ', columnSeparator: 'other', otherColumnSeparator: ';' }, items }), { text: 'pen;3 / ink;12.5' });
});
