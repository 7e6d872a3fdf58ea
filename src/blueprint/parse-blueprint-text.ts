// Blueprint text → JSON: a UTF-8 BOM is dropped (13 corpus files carry one) and CRLF is plain JSON whitespace.
import { diagnostic, type Diagnostic } from './diagnostics.ts';

export type ParsedText = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function parseBlueprintText(raw: string): ParsedText {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    if (offset === undefined) {
      // V8 quotes the start of the text in this message; keep only the reason.
      const reason = message.replace(/, ".*" is not valid JSON$/s, '');
      return { ok: false, diagnostic: diagnostic('BLUEPRINT_JSON', `The file is not JSON: ${reason}.`) };
    }
    const { line, column } = lineAndColumn(text, Number(offset));
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    return {
      ok: false,
      diagnostic: diagnostic('BLUEPRINT_JSON', `The file is not JSON: ${reason} at line ${line}, column ${column}.`, { position: Number(offset) + 1 }),
    };
  }
}
