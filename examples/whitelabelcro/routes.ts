// The nine write actions of the WhiteLabelCRO reference API (plus one read per record kind) as a route table:
// method, path and one small handler each, answering JSON with Make-friendly status codes (201, 200, 400, 404, 409).
import { checkFields, NOTE_SPEC, RESOURCES, type ResourceKind } from './resources.ts';
import type { CrmStore } from './store.ts';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export interface RouteRequest {
  /** The path's captured ids, in order. */
  readonly ids: readonly number[];
  readonly body: Readonly<Record<string, unknown>>;
}

export type Method = 'GET' | 'POST' | 'PATCH';

export interface Route {
  readonly method: Method;
  readonly path: RegExp;
  /** Writes need a JSON body, count against the write limit and are what injected faults hit. */
  readonly write: boolean;
  handle(store: CrmStore, request: RouteRequest): Reply;
}

/** The error body every failure answers with: `{"error": {"code", "message", ...}}`. */
export function apiError(status: number, code: string, message: string, extra: Readonly<Record<string, unknown>> = {}): Reply {
  return { status, body: { error: { code, message, ...extra } } };
}

const notFound = (kind: ResourceKind | 'notes', id: number | undefined): Reply =>
  apiError(404, 'not_found', `No ${kind === 'notes' ? 'note' : RESOURCES[kind].singular} with id ${id ?? '?'}.`);

/** Create: 201 with the new record, or 200 with the record that already has this external_id (a safe retry). */
function create(kind: ResourceKind): Route['handle'] {
  const spec = RESOURCES[kind];
  return (store, { body }) => {
    const check = checkFields(spec, body, false);
    if (!check.ok) return apiError(400, check.code, check.message, { fields: check.fields });
    const existing = store.findByExternalId(kind, check.fields.external_id ?? '');
    if (existing) return { status: 200, body: existing };
    const status = spec.statuses[0];
    return { status: 201, body: store.insert(kind, status === undefined ? check.fields : { ...check.fields, status }) };
  };
}

function update(kind: ResourceKind): Route['handle'] {
  return (store, { ids: [id], body }) => {
    const record = id === undefined ? undefined : store.get(kind, id);
    if (!record) return notFound(kind, id);
    const check = checkFields(RESOURCES[kind], body, true);
    if (!check.ok) return apiError(400, check.code, check.message, { fields: check.fields });
    const externalId = check.fields.external_id;
    const owner = externalId ? store.findByExternalId(kind, externalId) : undefined;
    if (owner && owner.id !== record.id) return apiError(409, 'external_id_taken', `external_id '${externalId}' already belongs to ${RESOURCES[kind].singular} ${owner.id}.`);
    return { status: 200, body: store.update(kind, record.id, check.fields) };
  };
}

function changeStatus(kind: 'leads' | 'clients'): Route['handle'] {
  const allowed: readonly string[] = RESOURCES[kind].statuses;
  return (store, { ids: [id], body }) => {
    const record = id === undefined ? undefined : store.get(kind, id);
    if (!record) return notFound(kind, id);
    const { status } = body;
    if (status === undefined || status === null || status === '') return apiError(400, 'missing_fields', 'Missing required fields: status.', { fields: ['status'] });
    if (typeof status !== 'string' || !allowed.includes(status)) {
      return apiError(400, 'invalid_status', `A ${RESOURCES[kind].singular}'s status is one of ${allowed.join(', ')}; got ${JSON.stringify(status)}.`, { fields: ['status'] });
    }
    return { status: 200, body: { ...store.update(kind, record.id, { status }), previous_status: record.status ?? null } };
  };
}

const addNote: Route['handle'] = (store, { ids: [clientId], body }) => {
  const client = clientId === undefined ? undefined : store.get('clients', clientId);
  if (!client) return notFound('clients', clientId);
  const check = checkFields(NOTE_SPEC, body, false);
  if (!check.ok) return apiError(400, check.code, check.message, { fields: check.fields });
  const externalId = check.fields.external_id;
  const existing = externalId ? store.findByExternalId('notes', externalId, { client_id: client.id }) : undefined;
  if (existing) return { status: 200, body: existing };
  return { status: 201, body: store.insert('notes', { client_id: client.id, ...check.fields }) };
};

function read(kind: ResourceKind): Route['handle'] {
  return (store, { ids: [id] }) => {
    const record = id === undefined ? undefined : store.get(kind, id);
    return record ? { status: 200, body: record } : notFound(kind, id);
  };
}

const ID = '(\\d+)';
const path = (...parts: string[]): RegExp => new RegExp(`^/api/v1/${parts.join('/')}$`);

export const ROUTES: readonly Route[] = [
  { method: 'POST', path: path('leads'), write: true, handle: create('leads') },
  { method: 'PATCH', path: path('leads', ID), write: true, handle: update('leads') },
  { method: 'POST', path: path('leads', ID, 'status'), write: true, handle: changeStatus('leads') },
  { method: 'POST', path: path('clients'), write: true, handle: create('clients') },
  { method: 'PATCH', path: path('clients', ID), write: true, handle: update('clients') },
  { method: 'POST', path: path('clients', ID, 'status'), write: true, handle: changeStatus('clients') },
  { method: 'POST', path: path('clients', ID, 'notes'), write: true, handle: addNote },
  { method: 'POST', path: path('affiliates'), write: true, handle: create('affiliates') },
  { method: 'PATCH', path: path('affiliates', ID), write: true, handle: update('affiliates') },
  { method: 'GET', path: path('leads', ID), write: false, handle: read('leads') },
  { method: 'GET', path: path('clients', ID), write: false, handle: read('clients') },
  { method: 'GET', path: path('affiliates', ID), write: false, handle: read('affiliates') },
];

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly ids: readonly number[] }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly Method[] }
  | { readonly kind: 'no-path' };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const allowed: Method[] = [];
  for (const route of ROUTES) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    if (route.method === method) return { kind: 'found', route, ids: match.slice(1).map(Number) };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'no-path' };
}
