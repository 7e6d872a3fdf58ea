// CSV > Parse CSV (`csv:ParseCSV` v1): one bundle per CSV row, its cells as `col1`, `col2`, ….
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule, type Bundle } from '../../executor/module-api.ts';
import { delimiterOf, flag, optionalNumber, optionalText } from './csv-options.ts';

/** Parameter names as Make exports them [corpus: rajkonkret Integration_Google_Sheets, metadata.parameters]. */
const ParseCsvParameters = z
  .object({
    colCount: optionalNumber(),
    csvContainsHeaders: flag(),
    delimiterType: optionalText(),
    delimiter: optionalText(),
    relax: flag(),
    csvHeaders: optionalText(),
  })
  .loose();

/** One row as a bundle: `colN` for the N-th cell; with a column count, exactly that many (missing cells empty). */
function rowBundle(row: readonly string[], columns: number | undefined): Bundle {
  const bundle: Bundle = {};
  const count = columns ?? row.length;
  for (let index = 0; index < count; index += 1) bundle[`col${index + 1}`] = row[index] ?? '';
  return bundle;
}

/**
 * Parses the `csv` text. Cells come out as `col1`, `col2`, … even when the CSV has a header row: the header only
 * labels the columns in Make's editor [corpus: with `csvContainsHeaders: true` the interface is `col1` labelled
 * "data", `col2` labelled "produkt", … and downstream modules map `{{2.col1}}`]. The header row itself is not
 * output. `relax` is "Preserve quotes inside unquoted field", the wording of the csv-parse package's `relax`
 * option, which this module uses as `relax_quotes`. GUESS: "Number of columns" trims or pads every row to that
 * many cells, rows of uneven length are accepted, empty lines are skipped, and `csvHeaders` (labels only) is
 * ignored at run time.
 */
export const parseCsv = defineModule({
  app: 'csv',
  name: 'ParseCSV',
  version: 1,
  title: 'CSV: Parse CSV',
  description: 'Parses CSV text into one bundle per row, with the cells as col1, col2, ….',
  kind: 'action',
  parameters: ParseCsvParameters,
  mapper: z.object({ csv: text() }).loose(),
  output: [{ name: 'col1', type: 'text', label: 'Column 1 (col2, col3 … for the next columns)' }],
  example: {
    id: 2,
    module: 'csv:ParseCSV',
    version: 1,
    parameters: { colCount: null, csvContainsHeaders: true, delimiterType: ',', relax: false, csvHeaders: '' },
    mapper: { csv: '{{1.data}}' },
  },
  run(_ctx, { parameters, mapper }) {
    const delimiter = delimiterOf(parameters);
    let rows: string[][];
    try {
      rows = parse(mapper.csv, { delimiter, relax_quotes: parameters.relax, relax_column_count: true, skip_empty_lines: true, bom: true });
    } catch (cause) {
      if (!(cause instanceof CsvError)) throw cause;
      throw new MakeError('DataError', `The CSV text cannot be parsed: ${cause.message}`, { cause });
    }
    const data = parameters.csvContainsHeaders ? rows.slice(1) : rows;
    const columns = parameters.colCount === undefined || parameters.colCount <= 0 ? undefined : Math.floor(parameters.colCount);
    return data.map((row) => rowBundle(row, columns));
  },
});
