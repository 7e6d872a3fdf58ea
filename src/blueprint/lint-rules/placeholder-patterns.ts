// What a value left for someone else to fill in looks like: `YOUR_API_KEY`, `<CONNECTION_ID>`, `[SUPABASE_ANON_KEY]`,
// `REPLACE_ME`, `xxx`, `TODO`, and IML words such as `{{YOUR_APIFY_TOKEN}}`. Shapes taken from the corpus (BLUEPRINT.md §12).
import { matchLiterals, type LiteralMatch, type LiteralPart } from './field-text.ts';

/** Placeholder shapes in literal text; all global. Case-sensitive where prose would otherwise match (`todo`, `placeholder`). */
const LITERAL_PLACEHOLDERS: readonly RegExp[] = [
  /(?<![A-Za-z0-9])_*your[_-][A-Za-z0-9_-]*[A-Za-z0-9_]/gi,
  /(?<![A-Za-z0-9])[Yy]our[A-Z][A-Za-z0-9]*/g,
  /(?<![A-Za-z0-9])MY_[A-Za-z0-9_]+/g,
  /<[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+>/g,
  // Bracketed words are also tags a document template replaces (`[PROJECT_TYPE]`): only credential and id names count.
  /\[(?=[A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|ID|REDACTED|CONNECTION|WEBHOOK))[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]/g,
  /<(?=[^<>]*\b(?:api|key|token|secret|your|here)\b)[A-Za-z]+(?: [A-Za-z]+)+>/gi,
  /\b[A-Z0-9_]*PLACEHOLDER[A-Z0-9_]*\b/g,
  /\b(?:REPLACE|CHANGE)[_-]?(?:ME|WITH[_A-Z0-9]*)\b/gi,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_HERE\b/g,
  /(?<![\w-])x{3,}(?![\w-])/gi,
  /\bTODO\b/g,
];

/** Every placeholder in the literal parts of a field, in field order, overlapping matches dropped. */
export function findPlaceholders(parts: readonly LiteralPart[]): LiteralMatch[] {
  const found = LITERAL_PLACEHOLDERS.flatMap((pattern) => matchLiterals(parts, pattern)).sort((a, b) => a.position - b.position);
  const out: LiteralMatch[] = [];
  for (const hit of found) {
    const last = out[out.length - 1];
    if (last && hit.position < last.position + last.match[0].length) continue;
    out.push(hit);
  }
  return out;
}

/** True when the text is, or contains, a placeholder. */
export function hasPlaceholder(text: string): boolean {
  return findPlaceholders([{ text, start: 0 }]).length > 0;
}

/**
 * An IML bare word that names a value to fill in: `YOUR_APIFY_TOKEN`, `OPENAI_API_KEY`, `yourToken`.
 * Lower-case words (`client_name`) are left to IML_UNKNOWN_VARIABLE: they are usually tags of another tool's template.
 */
export function isPlaceholderWord(name: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name) || /^[Yy]our[_A-Z0-9]/.test(name);
}
