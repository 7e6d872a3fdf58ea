// CSV > Create CSV (`csv:CreateCSV` v1): an aggregator that writes the mapped fields of many bundles as CSV text.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { toText } from '../../iml/index.ts';
import { delimiterOf, flag, newline, NEWLINES, optionalText } from './csv-options.ts';

/** Column names: the keys of every item, in the order they first appear. */
function columnsOf(items: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const item of items) for (const key of Object.keys(item)) columns.add(key);
  return [...columns];
}

/**
 * Create CSV "merges selected text items and returns them in the CSV format", with "Include headers in the first
 * row", a delimiter (comma, tab or another character) and a newline choice [docs.axelor.com, white-labelled
 * Make: apps/file-and-document-management/csv]. GUESS (no export in our corpus): parameters `includeHeaders`,
 * `delimiterType`/`delimiter` as Parse CSV names them, `newline` as `lf`/`crlf`/`cr`; the output field is `text`;
 * columns are the mapped field names in first-seen order, the header row writes those names, values are written
 * as IML text (collections as JSON), fields are quoted only when they need it, and there is no line break after
 * the last row.
 */
export const createCsv = defineModule({
  app: 'csv',
  name: 'CreateCSV',
  version: 1,
  title: 'CSV: Create CSV',
  description: 'Aggregates the mapped fields of many bundles into CSV text, one row per bundle.',
  kind: 'aggregator',
  parameters: z
    .object({
      feeder: z.unknown().optional(),
      includeHeaders: flag(),
      delimiterType: optionalText(),
      delimiter: optionalText(),
      newline: newline(),
    })
    .loose(),
  mapper: z.record(z.string(), z.unknown()),
  output: [{ name: 'text', type: 'text', label: 'Text' }],
  example: {
    id: 5,
    module: 'csv:CreateCSV',
    version: 1,
    parameters: { feeder: 2, includeHeaders: true, delimiterType: ',', newline: 'lf' },
    mapper: { id: '{{2.id}}', name: '{{2.name}}' },
  },
  aggregate(_ctx, { parameters, items }) {
    const delimiter = delimiterOf(parameters);
    const columns = columnsOf(items);
    // Rows go in as arrays: csv-stringify would read a dotted column name ("a.b") as a nested path.
    const rows = items.map((item) => columns.map((column) => toText(item[column])));
    const records = parameters.includeHeaders && columns.length > 0 ? [columns, ...rows] : rows;
    return { text: stringify(records, { delimiter, record_delimiter: NEWLINES[parameters.newline], eof: false }) };
  },
});
