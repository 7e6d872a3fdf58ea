// Parse CSV: rows as col1…colN, header rows, delimiters, quotes, column count and broken CSV.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { parseCsv } from './parse-csv.ts';

const CSV = 'data,produkt,ilosc\n2025-10-27,Buty,1\n2025-10-28,"torba, duza",2\n';

test('with headers, the header row is skipped and cells come out as col1…colN', async () => {
  // The corpus blueprint's own parameters: delimiterType "other" with "," typed in.
  const parameters = { colCount: null, csvContainsHeaders: true, delimiterType: 'other', relax: false, csvHeaders: '', delimiter: ',' };
  assert.deepEqual(await runModule(parseCsv, { parameters, mapper: { csv: CSV } }), [
    { col1: '2025-10-27', col2: 'Buty', col3: '1' },
    { col1: '2025-10-28', col2: 'torba, duza', col3: '2' },
  ]);
});

test('without headers every row is output; empty lines are skipped', async () => {
  const bundles = await runModule(parseCsv, { parameters: { csvContainsHeaders: false, delimiterType: ',' }, mapper: { csv: 'a,b\n\nc,d' } });
  assert.deepEqual(bundles, [{ col1: 'a', col2: 'b' }, { col1: 'c', col2: 'd' }]);
});

test('tab and other delimiters, and a column count that pads or trims rows', async () => {
  assert.deepEqual(await runModule(parseCsv, { parameters: { delimiterType: '\t' }, mapper: { csv: 'x\ty\n1\t2' } }), [{ col1: 'x', col2: 'y' }, { col1: '1', col2: '2' }]);
  assert.deepEqual(await runModule(parseCsv, { parameters: { delimiterType: 'other', delimiter: ';' }, mapper: { csv: 'a;b;c\nd' } }), [
    { col1: 'a', col2: 'b', col3: 'c' },
    { col1: 'd' },
  ]);
  assert.deepEqual(await runModule(parseCsv, { parameters: { delimiterType: ';', colCount: '2' }, mapper: { csv: 'a;b;c\nd' } }), [
    { col1: 'a', col2: 'b' },
    { col1: 'd', col2: '' },
  ]);
});

test('relax keeps quotes inside an unquoted field; without it the CSV is a DataError', async () => {
  const csv = 'name,size\nbolt 5" long,2';
  assert.deepEqual(await runModule(parseCsv, { parameters: { delimiterType: ',', relax: true, csvContainsHeaders: true }, mapper: { csv } }), [{ col1: 'bolt 5" long', col2: '2' }]);
  await assert.rejects(runModule(parseCsv, { parameters: { delimiterType: ',', csvContainsHeaders: true }, mapper: { csv } }), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'DataError');
    assert.match(error.message, /^The CSV text cannot be parsed: Invalid Opening Quote: a quote is found on field 0 at line 2/);
    return true;
  });
});

test('a missing or too long delimiter is a configuration error', async () => {
  await assert.rejects(runModule(parseCsv, { parameters: { delimiterType: 'other' }, mapper: { csv: 'a' } }), {
    name: 'InvalidConfigurationError',
    message: 'The delimiter is set to "other" but no delimiter character is given.',
  });
  await assert.rejects(runModule(parseCsv, { parameters: { delimiterType: 'other', delimiter: '||' }, mapper: { csv: 'a' } }), {
    name: 'InvalidConfigurationError',
    message: 'The delimiter "||" must be exactly one character.',
  });
});
