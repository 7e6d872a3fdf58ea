// The one IML function registry: validation, the evaluator, MCP look-ups and UI autocomplete all read it.
import { ownValue } from '../../shared/own-value.ts';
import { ImlCompileError, ImlErrorCode } from '../errors.ts';
import { arrayFunctions } from './array.ts';
import type { FunctionFamily, ImlFunction } from './define.ts';
import { dateFunctions } from './date.ts';
import { generalFunctions } from './general.ts';
import { hashingFunctions } from './hashing.ts';
import { mathFunctions } from './math.ts';
import { textFunctions } from './text.ts';

export const FUNCTIONS: readonly ImlFunction[] = [
  ...generalFunctions,
  ...mathFunctions,
  ...textFunctions,
  ...hashingFunctions,
  ...dateFunctions,
  ...arrayFunctions,
];

const BY_NAME: ReadonlyMap<string, ImlFunction> = new Map(FUNCTIONS.map((fn) => [fn.name, fn]));

/**
 * Names Make's editor palette shows without any documentation of what they do.
 * Rejected by name rather than guessed (IML.md §G.17, docs/semantics.md).
 */
export const UNSUPPORTED_FUNCTIONS: Readonly<Record<string, string>> = {
  set: "Function 'set' appears in Make's editor palette but is undocumented; Remake does not guess what it does.",
};

/** The function called `name` (case-sensitive, as Make's are). Throws for names Remake rejects on purpose. */
export function lookupFunction(name: string): ImlFunction | undefined {
  const fn = BY_NAME.get(name);
  if (fn) return fn;
  // Own keys only: `constructor()` or `toString()` must not find Object.prototype's members.
  const reason = ownValue(UNSUPPORTED_FUNCTIONS, name);
  if (reason) throw new ImlCompileError(ImlErrorCode.unknownFunction, reason, {});
  return undefined;
}

export function listFunctions(family?: FunctionFamily): readonly ImlFunction[] {
  return family ? FUNCTIONS.filter((fn) => fn.family === family) : FUNCTIONS;
}

/** Functions whose name, signature or description mention every word of `query`. */
export function searchFunctions(query: string): readonly ImlFunction[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return FUNCTIONS.filter((fn) => {
    const haystack = `${fn.name} ${fn.family} ${fn.signature} ${fn.description}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
