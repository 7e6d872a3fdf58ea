// The WhiteLabelCRO example (examples/whitelabelcro/): the reference server through real HTTP (auth, required fields,
// 404, idempotent creates, the write limit, status and note actions), then its blueprints run by Remake against it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startWhitelabelCro, type WhitelabelCroServer } from '../examples/whitelabelcro/server.ts';
import { addConnection, retryIncompleteExecution, runBlueprint, type RunReport } from '../src/core/index.ts';

const KEY = 'test-key';

/** The JSON bodies the server answers with, loosely: a record or `{error}`. */
interface ApiBody {
  readonly id?: number;
  readonly status?: string;
  readonly previous_status?: string | null;
  readonly external_id?: string;
  readonly client_id?: number;
  readonly body?: string;
  readonly first_name?: string;
  readonly email?: string;
  readonly error?: { readonly code: string; readonly message: string; readonly fields?: readonly string[] };
}

interface ApiReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ApiBody;
}

async function call(server: WhitelabelCroServer, method: string, path: string, body?: unknown, key: string | null = KEY): Promise<ApiReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['x-api-key'] = key;
  const response = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ApiBody };
}

const ada = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', external_id: 'form-1' };

describe('WhiteLabelCRO reference server', () => {
  let now = Date.parse('2025-03-01T09:00:00Z');
  let server: WhitelabelCroServer;
  before(async () => {
    server = await startWhitelabelCro({ apiKey: KEY, clock: () => now });
  });
  after(() => server.close());

  test('a missing or wrong X-Api-Key is 401 with {error: {code, message}}', async () => {
    const missing = await call(server, 'POST', '/leads', ada, null);
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error?.code, 'unauthorized');
    assert.match(missing.body.error?.message ?? '', /X-Api-Key/);
    assert.equal((await call(server, 'POST', '/leads', ada, 'wrong')).status, 401);
    assert.equal(server.records().leads.length, 0);
  });

  test('a create without required fields is 400 naming them', async () => {
    const reply = await call(server, 'POST', '/leads', { first_name: 'Ada', email: ' ' });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.code, 'missing_fields');
    assert.deepEqual(reply.body.error?.fields, ['last_name', 'email', 'external_id']);
    assert.equal(reply.body.error?.message, 'Missing required fields: last_name, email, external_id.');
    const unknown = await call(server, 'POST', '/affiliates', { name: 'Partner', email: 'p@example.com', external_id: 'aff-0', firstname: 'x' });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error?.fields, ['firstname']);
    const notJson = await fetch(`${server.url}/api/v1/leads`, { method: 'POST', headers: { 'x-api-key': KEY }, body: '{"first_name": ' });
    assert.equal(notJson.status, 400);
  });

  test('an unknown id is 404; an unknown path is 404; a wrong method is 405', async () => {
    const reply = await call(server, 'PATCH', '/leads/999', { phone: '1' });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body.error, { code: 'not_found', message: 'No lead with id 999.' });
    assert.equal((await call(server, 'POST', '/clients/999/notes', { body: 'hi' })).status, 404);
    assert.equal((await call(server, 'POST', '/deals', {})).status, 404);
    const wrong = await call(server, 'GET', '/leads');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
  });

  test('a create answers 201; the same external_id again answers 200 with the same record, and one record is stored', async () => {
    const first = await call(server, 'POST', '/leads', ada);
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'new');
    const again = await call(server, 'POST', '/leads', { ...ada, first_name: 'Augusta' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    const leads = server.records().leads;
    assert.equal(leads.length, 1);
    assert.equal(leads[0]?.first_name, 'Ada');
    assert.equal(leads[0]?.created_utc, '2025-03-01T09:00:00.000Z');
  });

  test('update and status change of a lead; a status outside new|contacted|qualified|lost is 400', async () => {
    const id = server.records().leads[0]?.id;
    now += 1000;
    const updated = await call(server, 'PATCH', `/leads/${id}`, { phone: '+420 123', email: 'ada@lovelace.example' });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.email, 'ada@lovelace.example');
    assert.equal((await call(server, 'PATCH', `/leads/${id}`, { email: '' })).status, 400, 'a required field cannot be blanked');
    const changed = await call(server, 'POST', `/leads/${id}/status`, { status: 'qualified' });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.status, 'qualified');
    assert.equal(changed.body.previous_status, 'new');
    const bad = await call(server, 'POST', `/leads/${id}/status`, { status: 'won' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error?.code, 'invalid_status');
    assert.equal((await call(server, 'GET', `/leads/${id}`)).body.status, 'qualified');
  });

  test('clients: create (status active), update, status paused, notes (idempotent by their own external_id)', async () => {
    const client = await call(server, 'POST', '/clients', { ...ada, external_id: 'crm-7' });
    assert.equal(client.status, 201);
    assert.equal(client.body.status, 'active');
    const id = client.body.id;
    assert.equal((await call(server, 'PATCH', `/clients/${id}`, { city: 'London' })).status, 200);
    const paused = await call(server, 'POST', `/clients/${id}/status`, { status: 'paused' });
    assert.deepEqual([paused.status, paused.body.previous_status, paused.body.status], [200, 'active', 'paused']);
    const note = await call(server, 'POST', `/clients/${id}/notes`, { body: 'Called, will send documents.', external_id: 'note-1' });
    assert.equal(note.status, 201);
    assert.equal(note.body.client_id, id);
    assert.equal((await call(server, 'POST', `/clients/${id}/notes`, { body: 'Called, will send documents.', external_id: 'note-1' })).status, 200);
    assert.equal((await call(server, 'POST', `/clients/${id}/notes`, {})).body.error?.code, 'missing_fields');
    assert.equal(server.records().notes.length, 1);
  });

  test('affiliates: create, repeat by external_id, update; an external_id of another record is 409', async () => {
    const partner = { name: 'Partner Co', email: 'partner@example.com', external_id: 'aff-1' };
    const created = await call(server, 'POST', '/affiliates', partner);
    assert.equal(created.status, 201);
    assert.equal((await call(server, 'POST', '/affiliates', partner)).status, 200);
    const other = await call(server, 'POST', '/affiliates', { ...partner, external_id: 'aff-2' });
    assert.equal((await call(server, 'PATCH', `/affiliates/${other.body.id}`, { company: 'Partner Co s.r.o.' })).status, 200);
    assert.equal((await call(server, 'PATCH', `/affiliates/${other.body.id}`, { external_id: 'aff-1' })).status, 409);
    assert.equal(server.records().affiliates.length, 2);
  });
});

describe('WhiteLabelCRO write limit', () => {
  test('the 101st write in a minute is 429 with Retry-After in seconds until the window frees; reads do not count', async () => {
    let now = Date.parse('2025-03-01T10:00:00Z');
    const server = await startWhitelabelCro({ apiKey: KEY, clock: () => now });
    try {
      for (let index = 0; index < 100; index += 1) {
        const reply = await call(server, 'POST', '/leads', { ...ada, external_id: `bulk-${index}` });
        assert.equal(reply.status, 201);
        if (index === 0) now += 20_000; // the first write at :00, the other 99 at :20
      }
      assert.equal((await call(server, 'GET', '/leads/1')).status, 200);
      const limited = await call(server, 'POST', '/leads', { ...ada, external_id: 'bulk-100' });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error?.code, 'rate_limited');
      assert.equal(limited.headers.get('retry-after'), '40');
      now += 40_000; // the write of :00 leaves the window: one slot frees
      assert.equal((await call(server, 'POST', '/leads', { ...ada, external_id: 'bulk-100' })).status, 201);
      assert.equal((await call(server, 'POST', '/leads', { ...ada, external_id: 'bulk-101' })).headers.get('retry-after'), '20');
      assert.equal(server.records().leads.length, 101);
    } finally {
      await server.close();
    }
  });

  test('failNext refuses writes before storing; failAfterWrite stores them but answers 503', async () => {
    const server = await startWhitelabelCro({ apiKey: KEY });
    try {
      server.failNext(1, 503);
      assert.equal((await call(server, 'POST', '/leads', ada)).status, 503);
      assert.equal(server.records().leads.length, 0);
      server.failAfterWrite(1);
      assert.equal((await call(server, 'POST', '/leads', ada)).status, 503);
      assert.equal(server.records().leads.length, 1);
      const retried = await call(server, 'POST', '/leads', ada);
      assert.equal(retried.status, 200, 'the retry finds the record its lost response had created');
      assert.equal(server.records().leads.length, 1);
    } finally {
      await server.close();
    }
  });
});

/** The connection the blueprints name in `parameters.auth` (4701): the API key in the X-Api-Key header. */
const CONNECTION = { id: '4701', type: 'apiKey', name: 'WhiteLabelCRO (X-Api-Key)', data: { key: KEY, placement: 'header', name: 'X-Api-Key' } };

/** A blueprint of the example, calling `server` instead of the URL written in it. */
function blueprint(name: 'create-lead' | 'import-leads', server: WhitelabelCroServer): unknown {
  const text = readFileSync(new URL(`../examples/whitelabelcro/${name}.blueprint.json`, import.meta.url), 'utf8');
  return JSON.parse(text.replaceAll('http://127.0.0.1:8787', server.url));
}

function responseBody(report: RunReport): unknown {
  const body = report.response?.body;
  return typeof body === 'string' ? JSON.parse(body) : body;
}

/** The lead id module 2 (Create Lead) got back in a retry (a retry has no webhook caller to answer). */
function createdLeadId(report: RunReport): unknown {
  const output = report.modules['2']?.outputs[0];
  const data = output?.data;
  return typeof data === 'object' && data !== null && 'id' in data ? data.id : undefined;
}

const grace = { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', phone: '+1 555 0100', external_id: 'form-42' };

describe('WhiteLabelCRO blueprints run by Remake', () => {
  let now = Date.parse('2025-03-01T12:00:00Z');
  let server: WhitelabelCroServer;
  let dataDir: string;
  before(async () => {
    server = await startWhitelabelCro({ apiKey: KEY, clock: () => now });
  });
  const dataDirs: string[] = [];
  after(async () => {
    await server.close();
    for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
  });

  /** A fresh server and data dir per test: the records and incomplete executions are each test's own. */
  async function fresh(writeLimitPerMinute = 100): Promise<void> {
    await server.close();
    server = await startWhitelabelCro({ apiKey: KEY, clock: () => now, writeLimitPerMinute });
    dataDir = mkdtempSync(join(tmpdir(), 'remake-whitelabelcro-'));
    dataDirs.push(dataDir);
  }

  test('create-lead stores exactly one lead and the webhook response carries its id', async () => {
    await fresh();
    const report = await runBlueprint({ blueprint: blueprint('create-lead', server), input: grace, connections: [CONNECTION], skipSleep: true, dataDir });
    assert.equal(report.status, 'success', JSON.stringify(report.error));
    const leads = server.records().leads;
    assert.equal(leads.length, 1);
    assert.deepEqual({ ...leads[0], created_utc: undefined, updated_utc: undefined }, { id: 1, ...grace, status: 'new', created_utc: undefined, updated_utc: undefined });
    assert.equal(report.response?.status, 201);
    assert.deepEqual(responseBody(report), { lead_id: 1, status: 'new' });
    assert.deepEqual(report.incomplete, []);
  });

  test('a lead the API rejects (400: email missing) is answered 422 with its message and not retried', async () => {
    await fresh();
    const report = await runBlueprint({ blueprint: blueprint('create-lead', server), input: { ...grace, email: '' }, connections: [CONNECTION], skipSleep: true, dataDir });
    assert.equal(report.status, 'success');
    assert.equal(report.response?.status, 422);
    assert.match(JSON.stringify(responseBody(report)), /email/);
    assert.deepEqual(report.incomplete, []);
    assert.equal(server.records().leads.length, 0);
  });

  test('import-leads with 3 leads stores 3 leads, pausing after each call, and answers their ids', async () => {
    await fresh();
    const leads = [1, 2, 3].map((n) => ({ ...grace, email: `lead${n}@example.com`, external_id: `batch-${n}` }));
    const report = await runBlueprint({ blueprint: blueprint('import-leads', server), input: { leads }, connections: [CONNECTION], skipSleep: true, dataDir });
    assert.equal(report.status, 'success', JSON.stringify(report.error));
    assert.deepEqual(server.records().leads.map((lead) => lead.external_id), ['batch-1', 'batch-2', 'batch-3']);
    assert.equal(report.modules['3']?.operations, 3);
    assert.equal(report.modules['4']?.operations, 3, 'one Sleep per call');
    assert.deepEqual(responseBody(report), { received: 3, imported: 3, lead_ids: [1, 2, 3] });
  });

  test('a 503 is stored by Break for retry; retrying the incomplete execution creates the lead', async () => {
    await fresh();
    await addConnection(dataDir, CONNECTION); // a retry runs with the data dir's connections
    server.failNext(1, 503);
    const report = await runBlueprint({ blueprint: blueprint('create-lead', server), input: grace, skipSleep: true, dataDir });
    assert.equal(report.status, 'success', 'Break with automatic completion ends the run as success (SEMANTICS.md 8.2)');
    assert.equal(report.incomplete.length, 1);
    assert.equal(report.incomplete[0]?.moduleId, 2);
    assert.equal(report.response?.status, 202, 'the caller hears that the lead is queued');
    assert.equal(server.records().leads.length, 0);

    const retry = await retryIncompleteExecution({ dataDir, id: report.incomplete[0]?.id ?? '', skipSleep: true });
    assert.equal(retry.resolved, true, JSON.stringify(retry.error));
    assert.equal(server.records().leads.length, 1);
    assert.equal(createdLeadId(retry), 1);
  });

  test('a 429 over the write limit is stored by Break; the retry after the window goes through', async () => {
    await fresh(1);
    // This time the key is given per run (kept in memory), for the runs and for the retry alike.
    const connections = [CONNECTION];
    const first = await runBlueprint({ blueprint: blueprint('create-lead', server), input: grace, skipSleep: true, dataDir, connections });
    assert.equal(first.response?.status, 201);
    const limited = await runBlueprint({ blueprint: blueprint('create-lead', server), input: { ...grace, external_id: 'form-43' }, skipSleep: true, dataDir, connections });
    assert.equal(limited.incomplete.length, 1);
    assert.equal(limited.incomplete[0]?.error.type, 'RateLimitError');
    assert.equal(server.records().leads.length, 1);
    now += 60_000;
    const retry = await retryIncompleteExecution({ dataDir, id: limited.incomplete[0]?.id ?? '', skipSleep: true, connections });
    assert.equal(retry.resolved, true, JSON.stringify(retry.error));
    assert.deepEqual(server.records().leads.map((lead) => lead.external_id), ['form-42', 'form-43']);
  });

  test('a lost response (stored, answered 503) is retried with the same external_id and the server still holds ONE lead', async () => {
    await fresh();
    await addConnection(dataDir, CONNECTION);
    server.failAfterWrite(1);
    const report = await runBlueprint({ blueprint: blueprint('create-lead', server), input: grace, skipSleep: true, dataDir });
    assert.equal(report.incomplete.length, 1);
    assert.equal(server.records().leads.length, 1, 'the write happened; only its answer was lost');

    const retry = await retryIncompleteExecution({ dataDir, id: report.incomplete[0]?.id ?? '', skipSleep: true });
    assert.equal(retry.resolved, true, JSON.stringify(retry.error));
    assert.equal(retry.modules['2']?.outputs.length, 1);
    assert.deepEqual(server.records().leads.map((lead) => lead.id), [1], 'the retried create found the first one by external_id');
    assert.equal(retry.modules['2']?.outputs[0]?.statusCode, 200, 'the server answered with the record it already had');
    assert.equal(createdLeadId(retry), 1);
    assert.equal(retry.modules['3']?.operations, 1, 'and the flow went on after it');
  });
});
