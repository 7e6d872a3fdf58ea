// The text a module carries in `parameters` and `mapper`: every string with its JSON path, and the literal parts
// of each string (what lies outside `{{…}}`), for the rules that look for secrets and placeholders.
import { splitTemplate } from '../../iml/template-splitter.ts';
import { childPath, type ModuleNode } from '../../model/index.ts';

export interface TextField {
  /** JSON path of the string, e.g. `flow[1].mapper.headers[0].value`. */
  readonly path: string;
  readonly text: string;
}

/** A run of literal text inside a field; `start` is its 0-based offset in the field. */
export interface LiteralPart {
  readonly text: string;
  readonly start: number;
}

/** Every string inside `value`, depth-first in document order. */
export function textFieldsOf(value: unknown, path: string, out: TextField[] = []): TextField[] {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => textFieldsOf(item, childPath(path, index), out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) textFieldsOf(item, childPath(path, key), out);
  return out;
}

/** The strings of a module's `parameters` and `mapper` (never `metadata`, which is editor state). */
export function moduleTextFields(node: ModuleNode): TextField[] {
  return [...textFieldsOf(node.parameters, childPath(node.path, 'parameters')), ...textFieldsOf(node.mapper, childPath(node.path, 'mapper'))];
}

/** The literal parts of a field: the whole text when it holds no IML. */
export function literalParts(text: string): LiteralPart[] {
  if (!text.includes('{{')) return text === '' ? [] : [{ text, start: 0 }];
  return splitTemplate(text).flatMap((part) => (part.kind === 'text' ? [{ text: part.text, start: part.start }] : []));
}

/** A match of `pattern` (global) in the literal parts, with its 1-based position in the field. */
export interface LiteralMatch {
  readonly match: RegExpExecArray;
  readonly position: number;
}

export function matchLiterals(parts: readonly LiteralPart[], pattern: RegExp): LiteralMatch[] {
  const out: LiteralMatch[] = [];
  for (const part of parts) {
    for (const match of part.text.matchAll(pattern)) out.push({ match, position: part.start + match.index + 1 });
  }
  return out;
}
