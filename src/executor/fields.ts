// Field types for module input schemas: zod schemas that coerce mapped values the way Make's fields do
// (text fields take any value as text, numbers accept numeric text, booleans follow IML coercion).
// The executor parses every module input through its schema before `run`, so modules get typed values.
import { z } from 'zod';
import { isEmpty, toBoolean, toNumber, toText } from '../iml/index.ts';

const emptyToUndefined = (value: unknown): unknown => (value === null || value === '' ? undefined : value);

/** A text field: any value as text (arrays comma-joined, collections as JSON, as IML's toText). */
export const text = () => z.preprocess((value) => (value === undefined || value === null ? undefined : toText(value)), z.string());

/** A number field: numbers, numeric text; an empty value is absent. Non-numeric text fails validation. */
export const number = () =>
  z.preprocess((value) => {
    if (isEmpty(value)) return undefined;
    try {
      return toNumber(value);
    } catch {
      return value;
    }
  }, z.number({ error: (issue) => `expected a number, got ${JSON.stringify(issue.input)}` }));

/** A boolean field: IML coercion ("false" and "" are false, any number true); empty is absent. */
export const boolean = () => z.preprocess((value) => (value === undefined || value === null ? undefined : toBoolean(value)), z.boolean());

/** An array field: an array as it is, an empty value as absent, anything else wrapped in an array. */
export const array = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (isEmpty(value) && !Array.isArray(value) ? undefined : Array.isArray(value) ? value : [value]), z.array(item));

/** A collection field: an object with any keys. */
export const collection = () => z.preprocess(emptyToUndefined, z.record(z.string(), z.unknown()));

/** Any value, kept as mapped; may be absent (zod 4 treats a bare `z.unknown()` key as required). */
export const any = () => z.unknown().optional();

/** Blueprints leave unset fields as "" or null; both mean "not given". */
export const blankToUndefined = (value: unknown): unknown => (value === null || value === '' ? undefined : value);

/**
 * A field that may be left blank. Wrapping the helpers above in zod's own `.optional()` is not enough:
 * their preprocess turns "" and null into undefined *inside* the optional, where the inner schema rejects it.
 */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (isEmpty(value) ? undefined : value), schema.optional());

/** A checkbox: blank or absent takes `fallback` (off unless said otherwise). */
export const flag = (fallback = false) => z.preprocess(blankToUndefined, boolean().default(fallback));
