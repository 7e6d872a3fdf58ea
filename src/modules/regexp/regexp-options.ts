// The options the Text parser's Match pattern and Replace share: checkbox fields and turning a pattern plus its
// Global / Case sensitive / Multiline / Singleline options into a JavaScript RegExp.
import { z } from 'zod';
import { flag, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';

/** Checkboxes: blank or absent takes a fallback (older exports leave some of them out [corpus: manasoid Replace]). */
export { flag };

/** A text field that may be blank or absent: it reads as "". */
export const optionalText = () => z.preprocess((value) => (value === null || value === undefined ? '' : value), text());

/** The checkboxes that shape a pattern. */
export interface PatternOptions {
  readonly global: boolean;
  readonly sensitive: boolean;
  readonly multiline: boolean;
  readonly singleline: boolean;
}

/**
 * Compiles `pattern` as an ECMAScript regular expression, the flavour Make's help tells users to test with
 * ("tick the ECMAScript (JavaScript) FLAVOR" [make.com/en/help/app/regexp]). Case sensitive off adds `i`,
 * Multiline `m`, Singleline `s` (dot matches newlines), Global `g`. A pattern that does not compile is an
 * InvalidConfigurationError naming it.
 */
export function compilePattern(pattern: string, options: PatternOptions): RegExp {
  if (pattern === '') throw new MakeError('InvalidConfigurationError', 'The pattern is empty.');
  const flags = `${options.global ? 'g' : ''}${options.sensitive ? '' : 'i'}${options.multiline ? 'm' : ''}${options.singleline ? 's' : ''}`;
  try {
    return new RegExp(pattern, flags);
  } catch (cause) {
    // V8 writes "Invalid regular expression: /<pattern>/<flags>: <reason>"; the pattern is named already.
    const message = cause instanceof Error ? cause.message : String(cause);
    const prefix = `Invalid regular expression: /${pattern}/${flags}: `;
    const reason = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    const sentence = `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
    throw new MakeError('InvalidConfigurationError', `The pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${sentence}.`, { cause });
  }
}
