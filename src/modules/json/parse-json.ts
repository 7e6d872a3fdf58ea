// JSON > Parse JSON (`json:ParseJSON` v1): turns JSON text into bundles whose fields can be mapped downstream.
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule, type Bundle } from '../../executor/module-api.ts';
import { isCollection } from '../../iml/index.ts';

/** Line and column (1-based) of a character offset. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Parses `source`, or throws a DataError that says where the text stops being JSON. */
function parseOrFail(source: string): unknown {
  if (source.trim() === '') throw new MakeError('DataError', 'The JSON string is empty.');
  try {
    return JSON.parse(source);
  } catch (cause) {
    // V8's messages do not always carry a position, so jsonc-parser in strict mode locates the first error.
    const errors: ParseError[] = [];
    parseTolerant(source, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first === undefined) throw new MakeError('DataError', 'The JSON string is not valid JSON.', { cause });
    const { line, column } = lineAndColumn(source, first.offset);
    const reason = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    throw new MakeError('DataError', `The JSON string is not valid JSON: ${reason} at line ${line}, column ${column}.`, { cause });
  }
}

/** One bundle for one JSON value: an object's fields at the top level, anything else as `value`. */
function toBundle(value: unknown): Bundle {
  return isCollection(value) ? value : { value };
}

/**
 * Parses the `json` text. An object comes out as one bundle with its fields at the top level (`{{N.field}}`
 * [corpus: 40 ParseJSON modules, every downstream reference is a top-level field]). An array root is an implicit
 * iterator, one bundle per item ("the Parse JSON modules give the output in multiple bundles" [apps.make.com/json];
 * community.make.com/t/23343: a JSON array of URLs gives "a set of bundles").
 */
export const parseJson = defineModule({
  app: 'json',
  name: 'ParseJSON',
  version: 1,
  title: 'JSON: Parse JSON',
  description: 'Parses a JSON string; an array root outputs one bundle per item.',
  kind: 'action',
  // `type` is the id of a data structure, which Make uses to show fields in the editor. Remake does not have the
  // structure's definition and parses without it (GUESS: the structure does not change parsed values).
  parameters: z.object({ type: z.unknown().optional() }).loose(),
  mapper: z.object({ json: text() }).loose(),
  output: [
    { name: '(fields)', type: 'collection', label: 'The fields of the parsed object, at the top level' },
    { name: 'value', type: 'any', label: 'An array item or root that is not an object' },
  ],
  example: { id: 2, module: 'json:ParseJSON', version: 1, parameters: { type: '' }, mapper: { json: '{{1.data}}' } },
  run(_ctx, { mapper }) {
    // A UTF-8 byte-order mark is not JSON; files and HTTP bodies often carry one (GUESS: Make ignores it).
    const source = mapper.json.charCodeAt(0) === 0xfeff ? mapper.json.slice(1) : mapper.json;
    const parsed = parseOrFail(source);
    // GUESS: array items that are not objects come out as `value`, as the Iterator exposes them (SEMANTICS.md
    // rule 57); an empty array outputs no bundle; a root that is neither object nor array is one `value` bundle.
    if (Array.isArray(parsed)) return parsed.map(toBundle);
    return [toBundle(parsed)];
  },
});
