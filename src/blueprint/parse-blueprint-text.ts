// Blueprint text → JSON: a UTF-8 BOM is dropped (13 corpus files carry one) and CRLF is plain JSON whitespace.
// JSON.parse does the work; on failure jsonc-parser finds the offset, since V8's messages do not always carry one.
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

export type ParsedText = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** "InvalidSymbol" → "invalid symbol". */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function parseBlueprintText(raw: string): ParsedText {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (first === undefined) return { ok: false, diagnostic: diagnostic('BLUEPRINT_JSON', 'The file is not JSON.') };
    const { line, column } = lineAndColumn(text, first.offset);
    return {
      ok: false,
      diagnostic: diagnostic('BLUEPRINT_JSON', `The file is not JSON: ${words(printParseErrorCode(first.error))} at line ${line}, column ${column}.`, { position: first.offset + 1 }),
    };
  }
}
