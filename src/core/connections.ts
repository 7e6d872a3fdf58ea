// Connections and keys kept (encrypted) in a data dir: add, list with secrets masked, remove; and the one parser
// of connection input (a record, an array of records, or `{"<id>": {type, name, data}}`) that runs and the CLI share.
import type { ConnectionRecord } from '../executor/ports.ts';
import { ConnectionRecordSchema } from '../modules/auth/connection-schema.ts';
import { RemakeError } from '../shared/errors.ts';
import { isRecord } from '../shared/is-record.ts';
import { withDataDir } from './run-environment.ts';

export { CONNECTION_TYPES, ConnectionRecordSchema, type ConnectionType, type ValidConnectionRecord } from '../modules/auth/connection-schema.ts';

/** What {@link maskSecrets} writes instead of a secret value. */
export const MASK = '••••';

/** Data keys whose values are secrets (never printed), a certificate's `passphrase` included. Keys naming a URL
 * (`tokenUrl`) are not secrets. */
const SECRET_KEY = /secret|password|passphrase|token|key/i;
const URL_KEY = /url$/i;

function maskRecord(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) && !URL_KEY.test(key) ? MASK : maskValue(inner)]));
}

function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  return isRecord(value) ? maskRecord(value) : value;
}

/** The record with every data value under a secret-looking key (/secret|password|passphrase|token|key/i) replaced by {@link MASK}, at any depth. */
export function maskSecrets(record: ConnectionRecord): ConnectionRecord {
  return { id: record.id, type: record.type, name: record.name, data: maskRecord(record.data) };
}

/** Checks one record; `label` says where it came from (`[2]`, `'42'`) in the error. */
function parseOne(value: unknown, label: string): ConnectionRecord {
  if (!isRecord(value)) throw new RemakeError('CONNECTION_INVALID', `Invalid connection ${label}: expected an object with id, type, name and data.`, { field: label });
  const parsed = ConnectionRecordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'record';
  throw new RemakeError('CONNECTION_INVALID', `Invalid connection ${label}: ${field} ${issue?.message ?? 'has the wrong shape'}.`, { field });
}

/**
 * Parses connection input: one record, an array of records, or an object keyed by id (`{"42": {type, name, data}}`).
 * Every record is checked per type (ConnectionRecordSchema); the first problem is a RemakeError `CONNECTION_INVALID`
 * naming the record and the field. Ids must be unique.
 */
export function parseConnectionRecords(value: unknown): ConnectionRecord[] {
  let records: ConnectionRecord[];
  if (Array.isArray(value)) records = value.map((item, index) => parseOne(item, `[${index}]${isRecord(item) && item['id'] !== undefined ? ` ('${String(item['id'])}')` : ''}`));
  else if (isRecord(value) && typeof value['type'] === 'string' && 'data' in value) records = [parseOne(value, `'${String(value['id'] ?? '')}'`)];
  else if (isRecord(value)) records = Object.entries(value).map(([id, item]) => parseOne(isRecord(item) ? { ...item, id } : item, `'${id}'`));
  else throw new RemakeError('CONNECTION_INVALID', 'Connections must be a record, an array of records or an object keyed by connection id.');
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) throw new RemakeError('CONNECTION_INVALID', `Connection id '${record.id}' appears twice.`, { field: 'id' });
    seen.add(record.id);
  }
  return records;
}

/** Checks and saves one or more connections (see {@link parseConnectionRecords}) in `dataDir`, replacing same ids; returns them masked. */
export async function addConnection(dataDir: string, input: unknown): Promise<ConnectionRecord[]> {
  const records = parseConnectionRecords(input);
  return withDataDir(dataDir, async (ports) => {
    for (const record of records) await ports.connections.save(record);
    return records.map(maskSecrets);
  });
}

/** Every connection of `dataDir`, in id order, with secrets masked. */
export async function listConnections(dataDir: string): Promise<ConnectionRecord[]> {
  return withDataDir(dataDir, async (ports) => (await ports.connections.list()).map(maskSecrets));
}

/** Removes connection `id` from `dataDir`; false when there was none. */
export async function removeConnection(dataDir: string, id: string): Promise<boolean> {
  return withDataDir(dataDir, (ports) => ports.connections.remove(id));
}
