// Create CSV: rows from aggregated items, header row, delimiters, line breaks and quoting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runAggregator } from '../../../test/support/module-context.ts';
import { createCsv } from './create-csv.ts';

const items = [
  { id: 1, name: 'Eva', note: 'says "hi", then leaves' },
  { id: 2, name: 'Max', tags: ['a', 'b'] },
];

test('one row per item, columns in first-seen order, quoted only when needed', async () => {
  assert.deepEqual(await runAggregator(createCsv, { parameters: { feeder: 2, includeHeaders: false, delimiterType: ',' }, items }), {
    text: '1,Eva,"says ""hi"", then leaves",\n2,Max,,"a, b"',
  });
});

test('headers, semicolons and CRLF line breaks', async () => {
  const parameters = { feeder: 2, includeHeaders: true, delimiterType: 'other', delimiter: ';', newline: 'crlf' };
  assert.deepEqual(await runAggregator(createCsv, { parameters, items: [{ 'a.b': 'x;y', c: true }, { c: null }] }), {
    text: 'a.b;c\r\n"x;y";true\r\n;',
  });
});

test('a value with a line break is quoted; an empty aggregation is empty text', async () => {
  assert.deepEqual(await runAggregator(createCsv, { parameters: { feeder: 2, delimiterType: '\t' }, items: [{ a: 'one\ntwo', b: 'x' }] }), { text: '"one\ntwo"\tx' });
  assert.deepEqual(await runAggregator(createCsv, { parameters: { feeder: 2, includeHeaders: true }, items: [] }), { text: '' });
});
