// Splits a field template into literal text and `{{…}}` expression segments, with their offsets.
import type { Dialect } from './types.ts';

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string; readonly start: number }
  /** `start` is the offset of the first character after `{{`. */
  | { readonly kind: 'expr'; readonly source: string; readonly start: number };

/**
 * Finds the `}}` that closes the expression opened at `from`, skipping quoted
 * literals and backticked keys so `}}` inside them does not end it (IML.md §A.1).
 * Returns -1 when the quoted parts never close.
 */
function findClose(text: string, from: number, dialect: Dialect): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === '`' || (ch === "'" && dialect === 'app')) {
      const end = skipQuoted(text, i, ch);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (ch === '}' && text[i + 1] === '}') return i;
    i += 1;
  }
  return -1;
}

/** Index just past the literal that opens at `start`; a doubled quote stands for itself. */
function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (quote === '"' && text[i + 1] === '"') {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return -1;
}

/** Splits `text` into parts. An unterminated `{{` stays literal text, as Make's editor never writes one. */
export function splitTemplate(text: string, dialect: Dialect = 'scenario'): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) break;
    let close = findClose(text, open + 2, dialect);
    // A stray quote inside the expression: fall back to the first `}}` and let the parser report it.
    if (close < 0) close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    if (open > literalStart) parts.push({ kind: 'text', text: text.slice(literalStart, open), start: literalStart });
    parts.push({ kind: 'expr', source: text.slice(open + 2, close), start: open + 2 });
    i = close + 2;
    literalStart = i;
  }
  if (literalStart < text.length) parts.push({ kind: 'text', text: text.slice(literalStart), start: literalStart });
  return parts;
}
