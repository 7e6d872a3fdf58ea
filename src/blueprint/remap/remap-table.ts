// The ids.json a user writes for `remake remap`: per kind of id, old id (as text) → new id (number or text).
// Parsed with zod at the edge; a bad table is one RemakeError naming the bad key.
import { z } from 'zod';
import { childPath } from '../../model/index.ts';
import { RemakeError } from '../../shared/errors.ts';
import { ENVIRONMENT_ID_KINDS } from './id-kinds.ts';

const KIND_LIST = ENVIRONMENT_ID_KINDS.join(', ');

/** Old id → new id for one kind. New ids keep their JSON type: Make's ids are numbers, scenario and agent ids text. */
const NEW_ID = 'the new id must be a number or non-empty text';
const IdMapSchema = z.record(
  z.string().min(1, { error: 'an old id must not be empty' }),
  z.union([z.number(), z.string().min(1, { error: NEW_ID })], { error: NEW_ID }),
  { error: 'expected an object from old id to new id' },
);

/**
 * `{ "connection": {"123": 456}, "hook": {...}, ... }`. Every kind is optional; any other key is an `invalid_key`
 * issue at that key's path (a plain enum key would report it at the root).
 */
export const RemapTableSchema = z.partialRecord(
  z.string().pipe(z.enum(ENVIRONMENT_ID_KINDS, { error: `not a kind of id (use ${KIND_LIST})` })),
  IdMapSchema,
  { error: `expected a JSON object keyed by kind (${KIND_LIST})` },
);

export type RemapTable = z.infer<typeof RemapTableSchema>;

/** JSON path of an issue inside the table, e.g. `connection["123"]`. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => childPath(out, typeof key === 'number' ? key : String(key)), '');
}

/** The innermost message: a bad key's reason sits in its nested issues. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0];
    if (inner !== undefined) return inner.message;
  }
  return issue.message;
}

/** Parses a table read from JSON, or throws `REMAP_TABLE_INVALID` naming each bad key. */
export function parseRemapTable(json: unknown): RemapTable {
  const parsed = RemapTableSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => (issue.path.length === 0 ? issueMessage(issue) : `${issuePath(issue.path)}: ${issueMessage(issue)}`));
  const first = parsed.error.issues[0]?.path ?? [];
  const where = first.length === 0 ? {} : { field: issuePath(first) };
  throw new RemakeError('REMAP_TABLE_INVALID', `The id table is not valid: ${problems.join('; ')}.`, where, { cause: parsed.error });
}
