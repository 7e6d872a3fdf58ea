// Turns the text of one `{{…}}` expression into tokens, each with its offset in the field.
import { ImlCompileError, ImlErrorCode } from './errors.ts';
import type { Dialect } from './types.ts';

export type TokenKind = 'number' | 'string' | 'ident' | 'backtick' | 'punct' | 'op' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Decoded text: the string's content, the key inside backticks, the operator… */
  readonly value: string;
  /** Offset of the token's first character in the whole field text (0-based). */
  readonly start: number;
  /** For numbers: written without a fraction, so `1.name` can be a module reference. */
  readonly integer?: boolean;
}

/** Operators longest first, so `<=` wins over `<` and `===` over `==`. */
const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '++', '+', '-', '*', '/', '%', '=', '<', '>', '&', '|', '!'];
const PUNCTUATION = new Set(['(', ')', '[', ']', '.', ';', ',']);
const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;

export function syntaxError(message: string, offset: number): ImlCompileError {
  return new ImlCompileError(ImlErrorCode.syntax, `IML syntax error at position ${offset + 1}: ${message}`, {
    position: offset + 1,
  });
}

/** Tokenises `source`, whose first character sits at `base` in the field text. */
export function tokenize(source: string, base: number, dialect: Dialect): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    const start = base + i;
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < source.length && isDigit(source[j])) j += 1;
      let integer = true;
      // A fraction only when a digit follows the dot: `1.5` is a number, `1.name` a reference.
      if (source[j] === '.' && isDigit(source[j + 1])) {
        integer = false;
        j += 1;
        while (j < source.length && isDigit(source[j])) j += 1;
      }
      tokens.push({ kind: 'number', value: source.slice(i, j), start, integer });
      i = j;
      continue;
    }
    if (ch === '"' || (ch === "'" && dialect === 'app')) {
      const { value, end } = readQuoted(source, i, ch, base);
      tokens.push({ kind: 'string', value, start });
      i = end;
      continue;
    }
    if (ch === "'") {
      throw syntaxError("text literals use double quotes in scenario IML (found ')", start);
    }
    if (ch === '`') {
      const close = source.indexOf('`', i + 1);
      if (close < 0) throw syntaxError('unterminated backtick key (missing closing `)', start);
      tokens.push({ kind: 'backtick', value: source.slice(i + 1, close), start });
      i = close + 1;
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < source.length && IDENT_PART.test(source[j] as string)) j += 1;
      tokens.push({ kind: 'ident', value: source.slice(i, j), start });
      i = j;
      continue;
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: 'punct', value: ch, start });
      i += 1;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op) {
      tokens.push({ kind: 'op', value: op, start });
      i += op.length;
      continue;
    }
    throw syntaxError(`unexpected character '${ch}'`, start);
  }
  tokens.push({ kind: 'eof', value: '', start: base + source.length });
  return tokens;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Reads a quoted literal; inside double quotes `""` stands for one `"` (as Make's exports write it). */
function readQuoted(source: string, open: number, quote: string, base: number): { value: string; end: number } {
  let value = '';
  let i = open + 1;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === quote) {
      if (source[i + 1] === quote && quote === '"') {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (ch === '\\' && quote === "'" && source[i + 1] === "'") {
      value += "'";
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }
  throw syntaxError(`unterminated text literal (missing closing ${quote})`, base + open);
}
