// Writing JSON text for the JSON app's Create, Transform and Aggregate modules: the "Indentation" parameter
// (`space`) and IML values turned into plain JSON first (dates as ISO 8601 text, erase as null).
import { z } from 'zod';
import { optional, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { toJsonValue } from '../../iml/index.ts';

/**
 * `parameters.space`, the "Indentation" select: `tab`, `2` or `4` [corpus: metadata.parameters enum
 * ["tab", "2", "4"]]; blank (label "Empty") writes compact JSON. Other counts of spaces up to 10 are accepted too.
 */
export const indentation = () => optional(text());

/** The `space` argument of JSON.stringify for an Indentation value; an unknown value is a configuration error. */
export function indentationSpace(space: string | undefined): string | number | undefined {
  if (space === undefined || space.trim() === '') return undefined;
  if (space === 'tab') return '\t';
  const count = Number(space);
  if (!Number.isInteger(count) || count < 0 || count > 10) {
    throw new MakeError('InvalidConfigurationError', `Indentation '${space}' is not one of tab, 2 or 4.`);
  }
  return count === 0 ? undefined : count;
}

/** `value` as JSON text, indented as `space` says. */
export function toJsonText(value: unknown, space: string | undefined): string {
  return JSON.stringify(toJsonValue(value), null, indentationSpace(space));
}
