// The record kinds of the WhiteLabelCRO reference server and the checks a write's JSON body must pass
// (required, known and text-valued fields). Plain data and pure functions: no HTTP, no storage.

export type ResourceKind = 'leads' | 'clients' | 'affiliates';

export interface ResourceSpec {
  /** The name in messages ("No lead with id 7."). */
  readonly singular: string;
  /** Fields a create must carry, as non-blank text. */
  readonly required: readonly string[];
  /** Other fields a create or an update may carry. */
  readonly optional: readonly string[];
  /** Allowed statuses, a new record's first; empty when the kind has no status action. */
  readonly statuses: readonly string[];
}

const PERSON_REQUIRED = ['first_name', 'last_name', 'email', 'external_id'] as const;
const PERSON_OPTIONAL = ['phone', 'city', 'state', 'zip', 'affiliate_id'] as const;

export const RESOURCES = {
  leads: { singular: 'lead', required: PERSON_REQUIRED, optional: PERSON_OPTIONAL, statuses: ['new', 'contacted', 'qualified', 'lost'] },
  clients: { singular: 'client', required: PERSON_REQUIRED, optional: PERSON_OPTIONAL, statuses: ['active', 'paused', 'closed'] },
  affiliates: { singular: 'affiliate', required: ['name', 'email', 'external_id'], optional: ['phone', 'company'], statuses: [] },
} as const satisfies Record<ResourceKind, ResourceSpec>;

/** A client note: its own external_id is optional and, when given, makes the note idempotent too. */
export const NOTE_SPEC = { singular: 'note', required: ['body'], optional: ['external_id', 'author'], statuses: [] } as const satisfies ResourceSpec;

/** Field values as stored: text, or null for an optional field that was cleared. */
export type Fields = Readonly<Record<string, string | null>>;

export type FieldProblem = 'missing_fields' | 'unknown_fields' | 'invalid_fields' | 'empty_update';

export type FieldCheck =
  | { readonly ok: true; readonly fields: Fields }
  | { readonly ok: false; readonly code: FieldProblem; readonly message: string; readonly fields: readonly string[] };

/** Checks the body of a create (`partial` false: every required field) or of an update (`partial` true: any known field, none blanked). */
export function checkFields(spec: ResourceSpec, body: Readonly<Record<string, unknown>>, partial: boolean): FieldCheck {
  const known = [...spec.required, ...spec.optional];
  const unknown = Object.keys(body).filter((name) => !known.includes(name));
  if (unknown.length > 0) return problem('unknown_fields', `Unknown fields: ${unknown.join(', ')}. A ${spec.singular} has: ${known.join(', ')}.`, unknown);
  const invalid = Object.entries(body).filter(([, value]) => !(value === null || typeof value === 'string' || typeof value === 'number')).map(([name]) => name);
  if (invalid.length > 0) return problem('invalid_fields', `These fields must be text: ${invalid.join(', ')}.`, invalid);
  const fields: Fields = Object.fromEntries(Object.entries(body).map(([name, value]) => [name, value === null ? null : String(value)]));
  const blank = (name: string): boolean => (fields[name] ?? '').trim() === '';
  const missing = spec.required.filter((name) => (partial ? name in fields && blank(name) : blank(name)));
  if (missing.length > 0) return problem('missing_fields', `Missing required fields: ${missing.join(', ')}.`, missing);
  if (partial && Object.keys(fields).length === 0) return problem('empty_update', `The update names no field of the ${spec.singular} to change.`, []);
  return { ok: true, fields };
}

function problem(code: FieldProblem, message: string, fields: readonly string[]): FieldCheck {
  return { ok: false, code, message, fields };
}
