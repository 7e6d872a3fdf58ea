// LINT_SECRET_IN_MAPPING: credentials written into the blueprint as literal text: auth headers, key parameters in
// URLs and query strings, Basic auth fields, JSON body keys, and well-known key formats. Anyone holding the file can
// use them; Make keeps credentials in connections and keychains, which an export leaves out (BLUEPRINT.md §10).
import { childPath, type ModuleNode } from '../../model/index.ts';
import { literalParts, matchLiterals, moduleTextFields, type LiteralPart } from './field-text.ts';
import { defineLintRule, moduleName, recordOf, type LintFinding } from './lint-context.ts';
import { hasPlaceholder } from './placeholder-patterns.ts';

/** Key formats issued by well-known services; each is recognisable wherever it appears. */
const KEY_FORMATS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'an OpenAI/Anthropic-style API key (sk-…)', pattern: /\bsk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{16,}/g },
  { what: 'a Slack token (xox…-)', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g },
  { what: 'an AWS access key id (AKIA…)', pattern: /\bAKIA[0-9A-Z]{16}\b/g },
  { what: 'a Google API key (AIza…)', pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
  { what: 'a Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{16,}/g },
  { what: 'a Groq API key (gsk_…)', pattern: /\bgsk_[A-Za-z0-9]{20,}/g },
  { what: 'a Meta access token (EAA…)', pattern: /\bEAA[A-Za-z0-9]{80,}/g },
  { what: 'a JSON web token', pattern: /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/g },
];

/** Header names that carry credentials: Authorization, X-Api-Key, api-key, X-RapidAPI-Key, X-Auth-Token… */
const SECRET_HEADER = /^(?:proxy-)?authorization$|api[-_]?key|(?:^|[-_])(?:auth[-_]?|access[-_]?|session[-_]?)?(?:token|secret|password)(?:$|[-_])/i;
/** Query parameter names that carry credentials. */
const SECRET_PARAMETER = /^(?:api[-_]?key|apikey|key|token|access[-_]?token|auth[-_]?token|client[-_]?secret|secret|password)$/i;
const URL_PARAMETER = /(?:^|[?&])(?:api[-_]?key|key|token|access[-_]?token|auth[-_]?token|client[-_]?secret|secret|password)=([^&#\s"'{]+)/gi;
const JSON_KEY = /"(?:api[-_]?key|access[-_]?token|auth[-_]?token|refresh[-_]?token|client[-_]?secret|secret|password|private[-_]?key)"\s*:\s*"([^"\\]+)"/gi;
/** An auth scheme word before the credential in a header value. */
const SCHEME = /^\s*(?:Bearer|Basic|Token|Bot|Key|ApiKey|OAuth|Digest|JWT)\s+/i;

interface Suspect {
  readonly path: string;
  /** 1-based position of the secret in the field. */
  readonly position: number;
  readonly what: string;
  readonly secret: string;
}

/** Long enough, no spaces, with digits or mixed case, and no placeholder (those are LINT_PLACEHOLDER_VALUE). */
function looksSecret(token: string): boolean {
  if (token.length < 8 || /\s/.test(token) || hasPlaceholder(token)) return false;
  return /\d/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token));
}

/**
 * The first secret-looking word of the literal parts; a leading auth scheme (`Bearer `) is skipped. With `anyWord`
 * (Basic auth fields, where any literal is a credential) every word but a placeholder counts.
 */
function literalSecret(parts: readonly LiteralPart[], anyWord: boolean): { secret: string; position: number } | undefined {
  for (const part of parts) {
    const scheme = part.start === 0 ? (SCHEME.exec(part.text)?.[0].length ?? 0) : 0;
    for (const word of part.text.slice(scheme).matchAll(/[^\s"',;]+/g)) {
      if (anyWord ? !hasPlaceholder(word[0]) : looksSecret(word[0])) return { secret: word[0], position: part.start + scheme + word.index + 1 };
    }
  }
  return undefined;
}

/** `name`/`key` + `value` items of `headers`, `qs` and `queryParameters` whose name carries a credential. */
function namedItems(node: ModuleNode, out: Suspect[]): void {
  const mapper = recordOf(node.mapper);
  const lists = [
    ['headers', SECRET_HEADER, 'header'],
    ['qs', SECRET_PARAMETER, 'query parameter'],
    ['queryParameters', SECRET_PARAMETER, 'query parameter'],
  ] as const;
  for (const [key, names, kind] of lists) {
    const items = mapper?.[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      const record = recordOf(item);
      const name = record?.name ?? record?.key;
      const value = record?.value;
      if (typeof name !== 'string' || typeof value !== 'string' || !names.test(name.trim())) return;
      const found = literalSecret(literalParts(value), false);
      const path = childPath(childPath(childPath(childPath(node.path, 'mapper'), key), index), 'value');
      if (found) out.push({ path, ...found, what: `a literal credential in the ${kind} '${name.trim()}'` });
    });
  }
}

/** Basic auth user name and password of the HTTP module, written as text. */
function basicAuth(node: ModuleNode, out: Suspect[]): void {
  const mapper = recordOf(node.mapper);
  for (const key of ['authUser', 'authPass'] as const) {
    const value = mapper?.[key];
    if (typeof value !== 'string') continue;
    const found = literalSecret(literalParts(value), true);
    const what = key === 'authUser' ? 'a literal Basic auth user name (authUser)' : 'a literal Basic auth password (authPass)';
    if (found) out.push({ path: childPath(childPath(node.path, 'mapper'), key), ...found, what });
  }
}

/** Well-known key formats, key parameters in URLs and credential keys in JSON bodies, in any text of the module. */
function inText(node: ModuleNode, out: Suspect[]): void {
  for (const field of moduleTextFields(node)) {
    const parts = literalParts(field.text);
    for (const { what, pattern } of KEY_FORMATS) {
      for (const hit of matchLiterals(parts, pattern)) out.push({ path: field.path, position: hit.position, what, secret: hit.match[0] });
    }
    const pairs = [
      [URL_PARAMETER, 'a literal key parameter in a URL or query string'],
      [JSON_KEY, 'a literal credential in a JSON body'],
    ] as const;
    for (const [pattern, what] of pairs) {
      for (const hit of matchLiterals(parts, pattern)) {
        const secret = hit.match[1] ?? '';
        if (looksSecret(secret)) out.push({ path: field.path, position: hit.position + hit.match[0].length - secret.length - (pattern === JSON_KEY ? 1 : 0), what, secret });
      }
    }
  }
}

/** The first characters and the length: enough to recognise the key, not enough to use it. */
function maskSecret(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}… (${secret.length} characters)`;
}

export const secretInMapping = defineLintRule({
  code: 'LINT_SECRET_IN_MAPPING',
  title: 'Credential written into a mapping',
  fix: "Keep the credential in a connection or a keychain (HTTP 'Make an API Key Auth request' module) instead of the blueprint, and revoke the exposed one.",
  run(ctx) {
    const out: LintFinding[] = [];
    // Orphan chains are included: they never run, but the secret is in the file all the same.
    for (const node of ctx.all) {
      const suspects: Suspect[] = [];
      namedItems(node, suspects);
      basicAuth(node, suspects);
      inText(node, suspects);
      const seen = new Set<string>();
      for (const suspect of suspects) {
        if (seen.has(suspect.path)) continue;
        seen.add(suspect.path);
        out.push({
          message: `${moduleName(node)} has ${suspect.what} (${maskSecret(suspect.secret)}): anyone who gets the blueprint can use it.`,
          moduleId: node.id,
          path: suspect.path,
          position: suspect.position,
        });
      }
    }
    return out;
  },
});
