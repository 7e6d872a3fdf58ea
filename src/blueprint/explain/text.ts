// Small text helpers for `explainModel`: brief renderings of literal values, lists and nested indentation.
import { isRecord } from '../../shared/is-record.ts';

export { isRecord };

/** Longest literal text shown; longer text is cut with an ellipsis so big bodies are never dumped. */
export const MAX_TEXT = 60;

/** One line of at most `max` characters: runs of whitespace (newlines too) become one space. */
export function shorten(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Text in double quotes, shortened. */
export function quote(text: string, max = MAX_TEXT): string {
  return `"${shorten(text, max)}"`;
}

/** A literal JSON value in a few words: text quoted, scalars as written, arrays and objects as brief JSON. */
export function briefValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === undefined) return 'nothing';
  if (typeof value !== 'object' || value === null) return String(value);
  const json = JSON.stringify(value);
  if (json.length <= MAX_TEXT) return json;
  return Array.isArray(value) ? `[${plural(value.length, 'item')}]` : `{${shorten(Object.keys(value).join(', '), MAX_TEXT - 2)}}`;
}

/**
 * True for values that say nothing when shown: empty text, null, false, empty arrays and objects.
 * Make's forms write every untouched field (`""`, `[]`, toggles as `false`), so only what was set is shown.
 */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** A value as a person reads it: `{{1.status}}` → `1.status`, plain text quoted, mixed text quoted as written. */
export function describeOperand(raw: unknown): string {
  if (raw === undefined || raw === null) return '""';
  if (typeof raw !== 'string') return JSON.stringify(raw);
  const single = /^\{\{([\s\S]*)\}\}$/.exec(raw.trim());
  const inner = single?.[1];
  if (inner !== undefined && !inner.includes('{{') && !inner.includes('}}')) return shorten(inner.trim());
  return quote(raw);
}

/** A setting such as a count: `"3"` → `3`, a mapped value as its expression, nothing → `fallback`. */
export function describeSetting(value: unknown, fallback: string): string {
  if (value === undefined || value === null || value === '') return fallback;
  return typeof value === 'string' && !value.includes('{{') ? shorten(value) : describeOperand(value);
}

/** `a, b and c`; past `max` items the rest are counted (`a, b and 3 more`). */
export function joinWords(items: readonly string[], max = Number.POSITIVE_INFINITY): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Nests lines one level (two spaces) deeper. */
export function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** `1 route`, `3 routes`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
