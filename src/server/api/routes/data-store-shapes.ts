// Data stores and their records as the Make API shows them (SDK DataStore/DataStoreRecord; mocks data-stores/*.json,
// data-store-records/*.json), generated record keys, and checking a record against a strict data structure.
import type { Remake } from '../../../core/remake.ts';
import { InternalError } from '../../../shared/errors.ts';
import type { RandomSource } from '../../../shared/random.ts';
import { isRecord } from '../../../shared/is-record.ts';

// The ports' types, derived through core/ (server/ imports core/, not executor/ or storage/: ARCHITECTURE.md).
type DataStorePort = Remake['ports']['dataStores'];
export type DataRecord = Parameters<DataStorePort['put']>[2];
export type DataStoreMeta = NonNullable<Awaited<ReturnType<Remake['store']['dataStoreMeta']['get']>>>;
export type DataStructure = NonNullable<Awaited<ReturnType<Remake['store']['dataStructures']['get']>>>;

const MEGABYTE = 1024 * 1024;

/** How full a store is: record count and the bytes of its records as JSON. */
export interface StoreUsage {
  readonly records: number;
  readonly bytes: number;
}

/** A record's size as Remake counts it against `maxSizeMB`: its data as UTF-8 JSON. GUESS: Make's own measure is not documented. */
export function recordBytes(data: DataRecord): number {
  return Buffer.byteLength(JSON.stringify(data), 'utf8');
}

export async function storeUsage(port: DataStorePort, storeId: number): Promise<StoreUsage> {
  const records = await port.list(String(storeId));
  return { records: records.length, bytes: records.reduce((sum, record) => sum + recordBytes(record.data), 0) };
}

/** The store's limit in bytes. */
export function maxBytes(store: DataStoreMeta): number {
  return store.maxSizeMB * MEGABYTE;
}

/** The data store object: `size` and `maxSize` are byte counts as text, as in Make's mocks ("1024", "1048576" for 1 MB). */
export function apiDataStore(store: DataStoreMeta, usage: StoreUsage): Record<string, unknown> {
  return {
    id: store.id,
    name: store.name,
    records: usage.records,
    size: String(usage.bytes),
    maxSize: String(maxBytes(store)),
    teamId: store.teamId,
    datastructureId: store.datastructureId,
  };
}

/**
 * A generated record key: 12 hex digits, the shape of Make's generated keys (`8f7162828bc0` in the API reference and
 * the SDK mock data-store-records/create.json), as the Add/replace a record module makes them. GUESS: Make's
 * generator itself is not documented.
 */
export async function newRecordKey(port: DataStorePort, storeId: number, random: RandomSource): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const key = random.uuid().replace(/-/g, '').slice(0, 12);
    if ((await port.get(String(storeId), key)) === undefined) return key;
  }
  // Only a random source that repeats itself gets here; fail instead of looping.
  throw new InternalError(`Could not generate a free record key for data store ${storeId}.`);
}

type Spec = readonly Record<string, unknown>[];

const TEXT_TYPES = new Set(['text', 'email', 'url', 'select', 'color', 'filename', 'path', 'timezone', 'time', 'hidden', 'password', 'buffer', 'uuid']);

/** What a value of a Make field type must be; undefined for a type Remake does not check. */
function typeProblem(type: string, value: unknown): string | undefined {
  if (TEXT_TYPES.has(type)) return typeof value === 'string' ? undefined : 'text';
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'an integer';
    case 'uinteger':
      return Number.isInteger(value) && (value as number) >= 0 ? undefined : 'a non-negative integer';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : 'an ISO 8601 date';
    case 'array':
      return Array.isArray(value) ? undefined : 'an array';
    case 'collection':
      return isRecord(value) ? undefined : 'an object';
    default:
      return undefined;
  }
}

function optionValues(field: Record<string, unknown>): unknown[] | undefined {
  const options = field['options'];
  if (!Array.isArray(options) || options.length === 0) return undefined;
  return options.map((option) => (isRecord(option) ? option['value'] : option));
}

function checkValue(field: Record<string, unknown>, value: unknown, path: string, problems: string[]): void {
  const type = String(field['type']);
  if (value === null || value === undefined) {
    if (field['required'] === true) problems.push(`Missing value of required field '${path}'.`);
    return;
  }
  const expected = typeProblem(type, value);
  if (expected !== undefined) {
    problems.push(`Invalid value of field '${path}': expected ${expected} (the field's type is ${type}), got ${JSON.stringify(value)}.`);
    return;
  }
  const allowed = type === 'select' ? optionValues(field) : undefined;
  if (allowed && !allowed.includes(value)) problems.push(`Invalid value of field '${path}': ${JSON.stringify(value)} is not one of its options.`);
  const nested = field['spec'];
  if (type === 'collection' && Array.isArray(nested) && isRecord(value)) checkFields(nested.filter(isRecord), value, `${path}.`, problems);
  if (type === 'array' && Array.isArray(value)) {
    // An array's `spec` is either its item's field spec or, for arrays of collections, the collection's fields.
    const item: Record<string, unknown> | undefined = isRecord(nested) ? nested : Array.isArray(nested) ? { type: 'collection', spec: nested } : undefined;
    if (item) value.forEach((entry, index) => checkValue({ ...item, required: false }, entry, `${path}[${index}]`, problems));
  }
}

function checkFields(spec: Spec, data: Readonly<Record<string, unknown>>, prefix: string, problems: string[]): void {
  const names = new Set(spec.map((field) => String(field['name'])));
  for (const field of spec) checkValue(field, data[String(field['name'])], `${prefix}${String(field['name'])}`, problems);
  for (const key of Object.keys(data)) if (!names.has(key)) problems.push(`Field '${prefix}${key}' is not in the data structure, which is strict.`);
}

/**
 * Problems of `data` against a strict data structure, one sentence per field: required fields present, values of
 * their declared type (nested collections and arrays too), select values among the options, and no fields the
 * structure lacks. GUESS: what Make's "strict" rejects is not documented beyond "strictly depends on the included
 * data structure" (API reference, Create data store record); non-strict structures are not checked.
 */
export function checkRecord(structure: DataStructure, data: Readonly<Record<string, unknown>>): string[] {
  if (!structure.strict) return [];
  const problems: string[] = [];
  checkFields(structure.spec, data, '', problems);
  return problems;
}
