// Mocks (CONTRACTS.md §1 `--mocks`): bundles or a Make error per module id or `app:Module`, and auto-mocks
// built from a module's own `metadata.interface`, so scenarios with third-party modules can run offline.
import { z } from 'zod';
import { isRecord } from '../shared/is-record.ts';
import { RemakeError } from '../shared/errors.ts';
import { MAKE_ERROR_TYPES, MakeError } from './make-error.ts';
import type { Bundle } from './module-api.ts';

const MockErrorSchema = z.object({
  error: z.object({ type: z.enum(MAKE_ERROR_TYPES), message: z.string().default('Mocked error.') }).strict(),
}).strict();
const BundleSchema = z.record(z.string(), z.unknown());
/** One call's result: a bundle, several bundles (a search), or an error. */
const MockCallSchema = z.union([MockErrorSchema, BundleSchema, z.array(BundleSchema)]);
const MockSpecSchema = z.union([MockErrorSchema, z.array(MockCallSchema)]);

/** `{"<moduleId>" | "<app:Module>": [call, ...] | {"error": {...}}}`. */
export const MockTableSchema = z.record(
  z.string().regex(/^(\d+|[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+)$/, 'mock keys are module ids ("3") or module types ("slack:CreateMessage")'),
  MockSpecSchema,
);
export type MockTable = z.infer<typeof MockTableSchema>;
type MockCall = z.infer<typeof MockCallSchema>;

/** Checks a mock table; a bad entry is a RemakeError naming the key. */
export function parseMockTable(value: unknown): MockTable {
  const parsed = MockTableSchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RemakeError('MOCKS_INVALID', `Invalid mocks at '${issue?.path.join('.') || 'mocks'}': ${issue?.message ?? 'wrong shape'}. Give bundles as an array, or {"error": {"type": "DataError", "message": "..."}}.`);
}

/** The mock for a module: by id first, then by type. */
export function mockFor(table: MockTable, moduleId: number, type: string): MockTable[string] | undefined {
  return Object.hasOwn(table, String(moduleId)) ? table[String(moduleId)] : Object.hasOwn(table, type) ? table[type] : undefined;
}

const isMockError = (call: MockCall): call is z.infer<typeof MockErrorSchema> =>
  !Array.isArray(call) && Object.keys(call).length === 1 && isRecord(call.error) && MockErrorSchema.safeParse(call).success;

/** What call number `call` (0-based) of a mocked module yields: bundles, or a thrown MakeError. The last entry repeats. */
export function mockOutputs(spec: MockTable[string], call: number): Bundle[] {
  if (!Array.isArray(spec)) throw new MakeError(spec.error.type, spec.error.message);
  if (spec.length === 0) return [];
  const entry = spec[Math.min(call, spec.length - 1)] as MockCall;
  if (isMockError(entry)) throw new MakeError(entry.error.type, entry.error.message);
  return Array.isArray(entry) ? entry : [entry as Bundle];
}

/** Every bundle of a first module's mock at once: the trigger returns them all in one operation. */
export function mockTriggerOutputs(spec: MockTable[string]): Bundle[] {
  if (!Array.isArray(spec)) throw new MakeError(spec.error.type, spec.error.message);
  return spec.flatMap((entry) => {
    if (isMockError(entry)) throw new MakeError(entry.error.type, entry.error.message);
    return Array.isArray(entry) ? entry : [entry as Bundle];
  });
}

/** One plausible output bundle from `metadata.interface` (field name, type, nested spec). */
export function autoMockBundle(metadata: unknown, now: Date): Bundle {
  const fields = isRecord(metadata) && Array.isArray(metadata.interface) ? metadata.interface : [];
  return sampleCollection(fields, now, 0);
}

function sampleCollection(fields: readonly unknown[], now: Date, depth: number): Bundle {
  const out: Bundle = {};
  for (const field of fields) {
    if (!isRecord(field) || typeof field.name !== 'string') continue;
    out[field.name] = sampleValue(field, now, depth + 1);
  }
  return out;
}

function sampleValue(field: Record<string, unknown>, now: Date, depth: number): unknown {
  const name = typeof field.name === 'string' ? field.name : 'value';
  if (depth > 8) return null;
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'uinteger':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return now.toISOString();
    case 'email':
      return 'sample@example.com';
    case 'url':
      return `https://example.com/${encodeURIComponent(name)}`;
    case 'collection':
      return Array.isArray(field.spec) ? sampleCollection(field.spec, now, depth) : {};
    case 'array':
      if (Array.isArray(field.spec)) return [sampleCollection(field.spec, now, depth)];
      if (isRecord(field.spec)) return [sampleValue({ name, ...field.spec }, now, depth + 1)];
      return [];
    case 'select': {
      const first = Array.isArray(field.options) ? field.options[0] : undefined;
      return isRecord(first) && 'value' in first ? first.value : `${name} sample`;
    }
    default:
      return `${name} sample`;
  }
}
