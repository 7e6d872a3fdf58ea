// How Make's connections (`accountName`/`accountType`) and keys (`typeName`, keychain) map onto Remake's connection
// types, the objects the API returns for them (never their secret data), and numeric ids shared by both.
import type { Context } from 'hono';
import { z } from 'zod';
import { CONNECTION_TYPES, ConnectionRecordSchema, type ConnectionRecord, type ConnectionType } from '../../../core/index.ts';
import type { Remake } from '../../../core/remake.ts';
import type { ApiEnv } from '../api-env.ts';
import { notFound, parseOr400, validationFailed } from '../api-error.ts';
import { ORGANIZATION_ID, TEAM_ID } from './account-shapes.ts';

/** Make keeps HTTP credentials in two places: keys (keychain: Basic, API key, certificate) and connections (OAuth 2.0). */
export type CredentialKind = 'connection' | 'key';

interface TypeMapping {
  readonly kind: CredentialKind;
  /** A key's `typeName` or a connection's `accountName` in Make. */
  readonly makeName: string;
  readonly label: string;
  /** Make's parameter name → Remake's data field, where they differ. */
  readonly renames: Readonly<Record<string, string>>;
}

/**
 * Remake type ↔ Make name. `basicauth` ({authUser, authPass}) and `apikeyauth` ({key, placement: header|qs, name})
 * are Make's key types (SDK mock keys/list-types.json, SDK keys integration test); `oauth2` is the HTTP app's OAuth 2.0
 * connection (`account:oauth2` in exported blueprints' metadata). GUESS: Make's typeName for a client-certificate
 * keychain was not found, so Remake's own name `certificate` is used. Remake's names (`basic`, `apiKey`) are accepted too.
 */
export const TYPE_MAPPINGS = {
  basic: { kind: 'key', makeName: 'basicauth', label: 'HTTP Basic Auth', renames: { authUser: 'username', authPass: 'password' } },
  apiKey: { kind: 'key', makeName: 'apikeyauth', label: 'API Key Auth', renames: {} },
  certificate: { kind: 'key', makeName: 'certificate', label: 'Client certificate', renames: {} },
  oauth2: { kind: 'connection', makeName: 'oauth2', label: 'OAuth 2.0', renames: {} },
} as const satisfies Record<ConnectionType, TypeMapping>;

type ConnectionPort = Remake['ports']['connections'];

const THEME = '#007ee5'; // the HTTP app's colour on Make's key types (SDK mock keys/list-types.json)

function typesOf(kind: CredentialKind): ConnectionType[] {
  return CONNECTION_TYPES.filter((type) => TYPE_MAPPINGS[type].kind === kind);
}

/** The Remake type a Make name (or Remake's own) stands for; unknown names and the other kind's names are 400s naming `field`. */
export function resolveType(name: string, kind: CredentialKind, field: string): ConnectionType {
  const type = CONNECTION_TYPES.find((known) => known === name || TYPE_MAPPINGS[known].makeName === name);
  const names = typesOf(kind).map((known) => `'${TYPE_MAPPINGS[known].makeName}'`).join(', ');
  if (type === undefined) throw validationFailed([`Invalid value of parameter '${field}': Remake does not know the ${kind} type '${name}'; use ${names}.`]);
  if (TYPE_MAPPINGS[type].kind !== kind) {
    const other = kind === 'key' ? 'a connection type; create it with POST /connections' : 'a key type; create it with POST /keys';
    throw validationFailed([`Invalid value of parameter '${field}': '${name}' is ${other}. ${kind === 'key' ? 'Key' : 'Connection'} types: ${names}.`]);
  }
  return type;
}

/** Make-named parameters as Remake data: renamed fields, and the API key's `qs` placement as `query`. */
export function toRemakeData(type: ConnectionType, given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const renames: Readonly<Record<string, string>> = TYPE_MAPPINGS[type].renames;
  const data = Object.fromEntries(Object.entries(given).map(([key, value]) => [renames[key] ?? key, value]));
  if (type === 'apiKey' && data['placement'] === 'qs') data['placement'] = 'query';
  return data;
}

/**
 * Checks a record per type (ConnectionRecordSchema) and returns it with defaults filled; a problem is a 400 naming
 * the request's field: `<dataPrefix><Make parameter name>` for data, `nameField` for the name.
 */
export function checkCredential(record: Credential, nameField: string, dataPrefix: string): Credential {
  const parsed = ConnectionRecordSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  const renames: Readonly<Record<string, string>> = TYPE_MAPPINGS[record.type].renames;
  const makeName = (field: string): string => Object.keys(renames).find((key) => renames[key] === field) ?? field;
  throw validationFailed(
    parsed.error.issues.map((issue) => {
      const [head, field, ...rest] = issue.path.map(String);
      const where = head === 'data' && field !== undefined ? [`${dataPrefix}${makeName(field)}`, ...rest].join('.') : head === 'name' ? nameField : issue.path.join('.');
      // Make's API key placement values are `header` and `qs` (toRemakeData turns `qs` into Remake's `query`).
      const message = record.type === 'apiKey' && head === 'data' && field === 'placement' ? "must be 'header' or 'qs'" : issue.message;
      return `Invalid value of parameter '${where}': ${message}.`;
    }),
  );
}

function isKnownType(type: string): type is ConnectionType {
  return (CONNECTION_TYPES as readonly string[]).includes(type);
}

/** A connection or key record whose type Remake knows. */
export type Credential = ConnectionRecord & { readonly type: ConnectionType };

/** The records of one kind that the API can show, by id: known type and a numeric id (CLI-added ids may be any text). */
export async function credentialsOf(port: ConnectionPort, kind: CredentialKind): Promise<Credential[]> {
  const found: Credential[] = [];
  for (const record of await port.list()) {
    const type = record.type;
    if (/^\d+$/.test(record.id) && isKnownType(type) && TYPE_MAPPINGS[type].kind === kind) found.push({ ...record, type });
  }
  return found.sort((a, b) => Number(a.id) - Number(b.id));
}

const Id = z.coerce.number().int().positive();

/** The record `:id` names, if it is of `kind`; otherwise Make's 404. */
export async function credentialOf(c: Context<ApiEnv>, kind: CredentialKind): Promise<Credential> {
  const id = parseOr400(Id, c.req.param('id'));
  const record = await c.get('remake').ports.connections.get(String(id));
  const type = record?.type;
  if (!record || type === undefined || !isKnownType(type) || TYPE_MAPPINGS[type].kind !== kind) throw notFound(kind === 'key' ? 'Key' : 'Connection', id);
  return { ...record, type };
}

const locks = new WeakMap<ConnectionPort, Promise<unknown>>();

/**
 * Runs `create` with the next free numeric id (one more than the largest, connections and keys together, as both are
 * referred to by id from blueprints), one creation at a time per port so two requests never get the same id.
 */
export function withNextId<T>(port: ConnectionPort, create: (id: string) => Promise<T>): Promise<T> {
  const run = (locks.get(port) ?? Promise.resolve()).then(async () => {
    const ids = (await port.list()).map((record) => (/^\d+$/.test(record.id) ? Number(record.id) : 0));
    return create(String(Math.max(0, ...ids) + 1));
  });
  locks.set(port, run.catch(() => undefined));
  return run;
}

/** OAuth scopes of a record (`scope`, space- or comma-separated). */
export function scopesOf(record: ConnectionRecord): string[] {
  const scope = record.data['scope'];
  return typeof scope === 'string' ? scope.split(/[\s,]+/).filter((item) => item.length > 0) : [];
}

/** The connection object (SDK Connection; mocks connections/list.json): no data, so no secret, ever. */
export function apiConnection(record: Credential): Record<string, unknown> {
  const mapping = TYPE_MAPPINGS[record.type];
  const expiresAt = record.data['expiresAt'];
  return {
    id: Number(record.id),
    name: record.name,
    accountName: mapping.makeName,
    accountLabel: mapping.label,
    packageName: null,
    expire: typeof expiresAt === 'string' ? expiresAt : null,
    metadata: null,
    teamId: TEAM_ID,
    theme: THEME,
    upgradeable: false,
    scopesCnt: scopesOf(record).length,
    scoped: true,
    // Make's accountType is the authorization kind: "oauth" for OAuth connections (SDK mocks), "basic" otherwise.
    accountType: record.type === 'oauth2' ? 'oauth' : 'basic',
    editable: true,
    uid: null,
    connectedSystemId: null,
    organizationId: ORGANIZATION_ID,
  };
}

/** The key object (SDK Key; mock keys/get.json): no parameters, so no secret, ever. */
export function apiKey(record: Credential): Record<string, unknown> {
  return { id: Number(record.id), name: record.name, typeName: TYPE_MAPPINGS[record.type].makeName, teamId: TEAM_ID, packageName: null, theme: THEME };
}
