// Text parser > HTML to text (`regexp:HTMLToText` v1): readable plain text from HTML, via the html-to-text package.
import { convert, type HtmlToTextOptions } from 'html-to-text';
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { flag, optionalText } from './regexp-options.ts';

/** "Line break" [corpus: `newline` enum lf, crlf, cr; label "CRLF (\r\n) - Windows"]. */
const NEWLINES = { lf: '\n', crlf: '\r\n', cr: '\r' } as const satisfies Record<string, string>;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/**
 * html-to-text options. Every table is laid out as a data table (cells in aligned columns): the package's default
 * runs cells together ("NameQtyApple3"). Headings and table header cells are upper-cased unless the checkbox is off.
 */
function options(uppercaseHeadings: boolean): HtmlToTextOptions {
  return {
    selectors: [
      ...HEADINGS.map((selector) => ({ selector, options: { uppercase: uppercaseHeadings } })),
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: uppercaseHeadings } },
    ],
  };
}

/**
 * Outputs `{text}` [corpus: `{{N.text}}` after all 6 HTMLToText modules]. Mapper `html`, `newline` and
 * `uppercaseHeadings` [corpus]. GUESS: Make runs the html-to-text package (its `uppercaseHeadings` option has the
 * same name) with that package's other defaults, so lines wrap at 80 characters, links read `text [url]` and
 * lists get ` * ` bullets; tables laid out in columns are Remake's choice.
 */
export const htmlToText = defineModule({
  app: 'regexp',
  name: 'HTMLToText',
  version: 1,
  title: 'Text parser: HTML to text',
  description: 'Converts HTML to plain text, keeping paragraphs, lists, links and tables readable.',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z
    .object({
      html: optionalText(),
      newline: z.preprocess((value) => (value === null || value === '' ? undefined : value), z.enum(['lf', 'crlf', 'cr']).default('lf')),
      uppercaseHeadings: flag(true),
    })
    .loose(),
  output: [{ name: 'text', type: 'text', label: 'Text' }],
  example: { id: 5, module: 'regexp:HTMLToText', version: 1, parameters: {}, mapper: { html: '{{2.data}}', newline: 'lf', uppercaseHeadings: true } },
  run(_ctx, { mapper }) {
    const converted = convert(mapper.html, options(mapper.uppercaseHeadings));
    return [{ text: converted.replace(/\r\n|\r|\n/g, NEWLINES[mapper.newline]) }];
  },
});
