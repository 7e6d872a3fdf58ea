// Options the CSV app's Parse CSV and Create CSV share: blank-tolerant fields, the delimiter choice and line breaks.
import { z } from 'zod';
import { blankToUndefined, flag, number, optional, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';

export { flag };

/** A text field that may be blank (null or "" in exports): blank reads as absent. */
export const optionalText = () => optional(text());

/** A number field that may be blank (`colCount: null` [corpus]). */
export const optionalNumber = () => optional(number());

/** "Line break"/"Newline": `lf`, `crlf` or `cr`, as HTML to text names them [corpus]; blank is LF. */
export const newline = () => z.preprocess(blankToUndefined, z.enum(['lf', 'crlf', 'cr']).default('lf'));

export const NEWLINES = { lf: '\n', crlf: '\r\n', cr: '\r' } as const satisfies Record<string, string>;

/** The delimiter parameters: a choice, and the character typed when the choice is "other". */
export interface DelimiterParameters {
  readonly delimiterType?: string | undefined;
  readonly delimiter?: string | undefined;
}

/**
 * The delimiter character. `delimiterType` is the "Delimiter" select (`,`, a tab, or `other`), and with `other`
 * the "Delimiter character" field `delimiter` holds it, one character long [corpus: csv:ParseCSV metadata,
 * `validate: {min: 1, max: 1}`]. Without `delimiterType`, `delimiter` is the character itself; with neither, a
 * comma. GUESS: any other single character in `delimiterType` (e.g. `;`) is taken as the delimiter too.
 */
export function delimiterOf(parameters: DelimiterParameters): string {
  const choice = parameters.delimiterType ?? parameters.delimiter ?? ',';
  const character = choice === 'other' ? parameters.delimiter : choice;
  if (character === undefined || character === 'other') {
    throw new MakeError('InvalidConfigurationError', 'The delimiter is set to "other" but no delimiter character is given.');
  }
  if (character.length !== 1) {
    throw new MakeError('InvalidConfigurationError', `The delimiter ${JSON.stringify(character)} must be exactly one character.`);
  }
  return character;
}
