// Checks a webhook payload against the hook's data structure (Make's field specs) and lists what does not match, each
// problem naming its field path; `remake serve` answers 400 with them (FUS webhooks: failed validation → 400).
import { isRecord } from '../../shared/is-record.ts';

/** Problems beyond this many are summarised in one line, so a huge payload cannot make a huge answer. */
const MAX_PROBLEMS = 100;

type Path = readonly (string | number)[];

interface Context {
  readonly strict: boolean;
  readonly problems: string[];
}

/** `['items', 0, 'qty']` → `items[0].qty`. */
function pathText(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The Make type name of a value, for messages. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'text';
  if (value instanceof Date) return 'date';
  if (value instanceof Uint8Array) return 'binary data';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'collection' : typeof value;
}

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A check for one field type: null when the value fits, else what was expected (for the message). */
type TypeCheck = (value: unknown) => string | null;

/**
 * Value checks of the data-structure field types (FORMAN udttype.ts lists text, number, boolean, date, buffer,
 * collection, array; validator.ts maps them to JS types). Collections and arrays are walked separately.
 */
const TYPE_CHECKS = {
  text: (value) => (typeof value === 'string' ? null : 'text'),
  // Query and form values are always text, so numeric text counts as a number (GUESS; FORMAN checks the JS type).
  number: (value) => ((typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) ? null : 'a number'),
  // Likewise "true"/"false" count as booleans (GUESS).
  boolean: (value) => (typeof value === 'boolean' || value === 'true' || value === 'false' ? null : 'a boolean'),
  // FORMAN wants text for dates; Remake also requires the text to read as a date (GUESS).
  date: (value) => (value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value))) ? null : 'a date (ISO 8601 text)'),
  // Binary data arrives as text (FORMAN) or as an uploaded file's bytes (multipart).
  buffer: (value) => (typeof value === 'string' || value instanceof Uint8Array ? null : 'binary data'),
  collection: (value) => (isRecord(value) && !(value instanceof Date) && !(value instanceof Uint8Array) ? null : 'a collection'),
  array: (value) => (Array.isArray(value) ? null : 'an array'),
} satisfies Record<string, TypeCheck>;

type KnownType = keyof typeof TYPE_CHECKS;

function isKnownType(type: string): type is KnownType {
  return Object.hasOwn(TYPE_CHECKS, type);
}

/** A spec entry that names its field. */
type NamedField = Record<string, unknown> & { readonly name: string };

/** The spec entries that describe a named field (anything else in a spec is skipped). */
function namedFields(spec: unknown): NamedField[] {
  return Array.isArray(spec) ? spec.filter((field): field is NamedField => isRecord(field) && typeof field.name === 'string' && field.name !== '') : [];
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function checkField(field: Record<string, unknown>, value: unknown, path: Path, context: Context): void {
  // Required: missing, null and '' fail unless a default fills a missing value (FORMAN validator.ts).
  if (isEmpty(value)) {
    const filledByDefault = value === undefined && field.default !== undefined && field.default !== null;
    if (field.required === true && !filledByDefault) context.problems.push(`Field '${pathText(path)}' is required.`);
    return;
  }
  // A field without a type is text, the data-structure editor's default (FORMAN udttype.ts).
  const type = typeof field.type === 'string' ? field.type : 'text';
  if (!isKnownType(type)) return;
  const expected = TYPE_CHECKS[type](value);
  if (expected !== null) {
    // Text given for a number, boolean or date is quoted: it was read and did not fit.
    const quote = typeof value === 'string' && (type === 'number' || type === 'boolean' || type === 'date');
    const got = quote ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : describe(value);
    context.problems.push(`Field '${pathText(path)}' must be ${expected}, got ${got}.`);
    return;
  }
  if (type === 'collection' && isRecord(value)) checkCollection(field.spec, value, path, context);
  if (type === 'array' && Array.isArray(value)) checkArray(field.spec, value, path, context);
}

/** Fields of a collection, then (strict) the keys the spec does not name (FORMAN: "Unknown field"). */
function checkCollection(spec: unknown, value: Record<string, unknown>, path: Path, context: Context): void {
  const fields = namedFields(spec);
  for (const field of fields) {
    checkField(field, Object.hasOwn(value, field.name) ? value[field.name] : undefined, [...path, field.name], context);
  }
  if (!context.strict) return;
  const known = new Set(fields.map((field) => field.name));
  for (const key of Object.keys(value)) {
    if (!known.has(key)) context.problems.push(`Unknown field '${pathText([...path, key])}'.`);
  }
}

/** Array items: a spec list makes each item a collection of those fields, a spec object is the item's own spec. */
function checkArray(spec: unknown, items: readonly unknown[], path: Path, context: Context): void {
  if (spec === undefined || spec === null) return;
  items.forEach((item, index) => {
    const itemPath = [...path, index];
    if (Array.isArray(spec)) checkField({ type: 'collection', spec }, item, itemPath, context);
    else if (isRecord(spec)) checkField(spec, item, itemPath, context);
  });
}

/**
 * Checks `payload` against a data structure's field specs (`{name, type, required?, default?, spec?}`, types text,
 * number, boolean, date, buffer, collection, array; other types are not checked). `strict` makes fields the spec
 * does not name errors, at every level. Returns plain sentences naming each field path (`items[0].qty`); empty
 * means the payload fits.
 */
export function validatePayload(spec: readonly Record<string, unknown>[], payload: unknown, strict: boolean): string[] {
  const context: Context = { strict, problems: [] };
  if (!isRecord(payload)) {
    context.problems.push(`The payload must be a collection of fields, got ${describe(payload)}.`);
  } else {
    checkCollection(spec, payload, [], context);
  }
  const { problems } = context;
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems.`];
}
