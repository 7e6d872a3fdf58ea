// The contract every server store adapter passes (STYLE.md rule 12): one suite, run against SQLite now and Postgres
// later, covering each method of the tokens, scenarios, folders, hooks, queues, executions, data stores and data structures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebhookRequest } from '../../executor/module-api.ts';
import type { ExecutorPorts } from '../../executor/ports.ts';
import type { ExecutionStatus, NewScenario, ServerStore, StoredReport } from '../server-ports.ts';
import { describeFolderContract } from './server-store-contract-folders.ts';

/** What an adapter hands the suite: a fresh, empty store and the executor's ports over the same database. */
export interface OpenedServerStore {
  readonly server: ServerStore;
  readonly ports: ExecutorPorts;
  close(): void;
}

/** Opens a fresh store whose dates come from `now` (the suite sets the time per test). */
export type OpenServerStore = (now: () => Date) => OpenedServerStore | Promise<OpenedServerStore>;

const T0 = '2024-03-01T10:00:00.000Z';
const T1 = '2024-03-01T11:00:00.000Z';
const T2 = '2024-03-01T12:00:00.000Z';

/** Runs `body` on a freshly opened store with a settable clock and closes it whatever happens. */
async function withStore(open: OpenServerStore, body: (opened: OpenedServerStore, setTime: (iso: string) => void) => Promise<void>): Promise<void> {
  let time = T0;
  const opened = await open(() => new Date(time));
  try {
    await body(opened, (iso) => (time = iso));
  } finally {
    opened.close();
  }
}

function scenario(name: string, extra: Partial<NewScenario> = {}): NewScenario {
  return {
    teamId: 1,
    name,
    hookId: null,
    scheduling: { type: 'indefinitely', interval: 900 },
    interface: { input: [{ name: 'x', type: 'text' }], output: [] },
    blueprint: { name, flow: [{ id: 1, module: 'json:ParseJSON', version: 1 }], metadata: { version: 1 } },
    ...extra,
  };
}

function request(body: unknown): WebhookRequest {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, query: { page: '2' }, body, rawBody: JSON.stringify(body) };
}

function report(status: StoredReport['status'], operations: number): StoredReport {
  const modules = { '1': { module: 'json:ParseJSON', operations, outputs: [{ text: 'héllo ✓', n: 1.5, list: [null, true] }], errors: [] } };
  return { status, operations, cycles: 1, modules, response: null, incomplete: [], error: null, inputs: { '1': [{ json: '{}' }] } };
}

const ended = (finishedAt: string, status: 'success' | 'warning' | 'error' = 'success') => ({ status, finishedAt, operations: 3, transfer: 120, report: report(status, 3) });

/** Declares the server store contract suite under `name`, opening a fresh store with `open` for every test. */
export function describeServerStoreContract(name: string, open: OpenServerStore): void {
  describe(`${name}: server store contract`, () => {
    it('api tokens: finds a token by its value only, counts, and replaces a token added again', () =>
      withStore(open, async ({ server: { tokens } }) => {
        assert.equal(await tokens.count(), 0);
        await tokens.add('secret-1', { label: 'first', scopes: ['scenarios:read', 'scenarios:write'], createdAt: T0 });
        await tokens.add('secret-2', { label: 'second', scopes: [], createdAt: T1 });
        assert.deepEqual(await tokens.find('secret-1'), { label: 'first', scopes: ['scenarios:read', 'scenarios:write'], createdAt: T0 });
        assert.equal(await tokens.find('secret-3'), undefined);
        assert.equal(await tokens.find('SECRET-1'), undefined);
        await tokens.add('secret-1', { label: 'renamed', scopes: ['hooks:read'], createdAt: T2 });
        assert.deepEqual(await tokens.find('secret-1'), { label: 'renamed', scopes: ['hooks:read'], createdAt: T2 });
        assert.equal(await tokens.count(), 2);
      }));

    it('scenarios: creates with ascending ids, version 1 and defaults; gets and lists by team', () =>
      withStore(open, async ({ server: { scenarios } }) => {
        const a = await scenarios.create(scenario('A'));
        const b = await scenarios.create(scenario('B', { teamId: 2, description: 'Second', folderId: 7, hookId: 5 }));
        assert.ok(b.id > a.id);
        assert.deepEqual(a, {
          id: a.id, teamId: 1, name: 'A', description: '', folderId: null, hookId: null, isActive: false,
          scheduling: { type: 'indefinitely', interval: 900 }, interface: { input: [{ name: 'x', type: 'text' }], output: [] },
          blueprintVersion: 1, nextExec: null, createdAt: T0, updatedAt: T0,
        });
        assert.deepEqual([b.description, b.folderId, b.hookId], ['Second', 7, 5]);
        assert.deepEqual(await scenarios.get(b.id), b);
        assert.equal(await scenarios.get(b.id + 100), undefined);
        assert.deepEqual((await scenarios.list()).map((s) => s.name), ['A', 'B']);
        assert.deepEqual((await scenarios.list(2)).map((s) => s.name), ['B']);
        assert.deepEqual(await scenarios.list(3), []);
        assert.deepEqual(await scenarios.blueprint(a.id), { scenarioId: a.id, version: 1, blueprint: scenario('A').blueprint, createdAt: T0 });
      }));

    it('scenarios: update bumps updatedAt always and the blueprint version only with a blueprint; versions are newest first', () =>
      withStore(open, async ({ server: { scenarios } }, setTime) => {
        const { id } = await scenarios.create(scenario('A', { folderId: 3, hookId: 9 }));
        setTime(T1);
        const renamed = await scenarios.update(id, { name: 'A2', isActive: true, folderId: null, nextExec: T2, scheduling: { type: 'immediately' } });
        assert.deepEqual(
          [renamed?.name, renamed?.isActive, renamed?.folderId, renamed?.hookId, renamed?.nextExec, renamed?.scheduling, renamed?.blueprintVersion, renamed?.createdAt, renamed?.updatedAt],
          ['A2', true, null, 9, T2, { type: 'immediately' }, 1, T0, T1],
        );
        setTime(T2);
        const blueprint = { name: 'v2', flow: [], when: 'now' };
        const next = await scenarios.update(id, { blueprint, description: 'with v2', hookId: null });
        assert.deepEqual([next?.blueprintVersion, next?.updatedAt, next?.description, next?.hookId, next?.isActive], [2, T2, 'with v2', null, true]);
        assert.deepEqual(await scenarios.blueprint(id), { scenarioId: id, version: 2, blueprint, createdAt: T2 });
        assert.deepEqual((await scenarios.blueprint(id, 1))?.blueprint, scenario('A').blueprint);
        assert.equal(await scenarios.blueprint(id, 3), undefined);
        assert.deepEqual((await scenarios.versions(id)).map((v) => [v.version, v.createdAt]), [[2, T2], [1, T0]]);
        assert.equal((await scenarios.update(id, { isActive: false }))?.isActive, false);
        assert.equal(await scenarios.update(id + 100, { name: 'nobody' }), undefined);
      }));

    it('scenarios: finds the scenario listening on a hook, and removes a scenario with its versions', () =>
      withStore(open, async ({ server: { scenarios } }) => {
        const a = await scenarios.create(scenario('A', { hookId: 4 }));
        const b = await scenarios.create(scenario('B', { hookId: 5 }));
        await scenarios.update(b.id, { blueprint: { name: 'B2' } });
        assert.equal((await scenarios.byHook(4))?.id, a.id);
        assert.equal((await scenarios.byHook(5))?.name, 'B');
        assert.equal(await scenarios.byHook(6), undefined);
        assert.equal(await scenarios.remove(b.id), true);
        assert.equal(await scenarios.remove(b.id), false);
        assert.equal(await scenarios.get(b.id), undefined);
        assert.equal(await scenarios.byHook(5), undefined);
        assert.equal(await scenarios.blueprint(b.id), undefined);
        assert.deepEqual(await scenarios.versions(b.id), []);
        assert.equal((await scenarios.versions(a.id)).length, 1);
      }));

    it('hooks: creates enabled and not learning, finds by udid, lists by team, updates and removes with its queue', () =>
      withStore(open, async ({ server: { hooks, queue } }) => {
        const a = await hooks.create({ udid: 'a'.repeat(32), teamId: 1, name: 'Orders', typeName: 'gateway-webhook', data: { headers: true, ip: ['1.2.3.4'] } });
        const b = await hooks.create({ udid: 'b'.repeat(32), teamId: 2, name: 'Leads', typeName: 'gateway-webhook', data: {} });
        assert.ok(b.id > a.id);
        assert.deepEqual(a, { id: a.id, udid: 'a'.repeat(32), teamId: 1, name: 'Orders', typeName: 'gateway-webhook', data: { headers: true, ip: ['1.2.3.4'] }, enabled: true, learning: false, createdAt: T0 });
        assert.deepEqual(await hooks.get(a.id), a);
        assert.deepEqual(await hooks.byUdid('b'.repeat(32)), b);
        assert.equal(await hooks.byUdid('c'.repeat(32)), undefined);
        assert.deepEqual((await hooks.list()).map((h) => h.id), [a.id, b.id]);
        assert.deepEqual((await hooks.list(2)).map((h) => h.id), [b.id]);
        const changed = await hooks.update(a.id, { name: 'Orders 2', enabled: false, learning: true, data: { method: true } });
        assert.deepEqual(changed, { ...a, name: 'Orders 2', enabled: false, learning: true, data: { method: true } });
        assert.deepEqual(await hooks.update(a.id, { enabled: true }), { ...a, name: 'Orders 2', learning: true, data: { method: true } });
        assert.equal(await hooks.update(b.id + 100, { name: 'x' }), undefined);
        await queue.push(a.id, request({ n: 1 }), 7, T0);
        assert.equal(await hooks.remove(a.id), true);
        assert.equal(await hooks.remove(a.id), false);
        assert.equal(await hooks.get(a.id), undefined);
        assert.equal(await queue.count(a.id), 0);
      }));

    it('queue: keeps each hook first in, first out, and round-trips requests with file bytes as Buffers', () =>
      withStore(open, async ({ server: { hooks, queue } }) => {
        const hook = await hooks.create({ udid: 'q'.repeat(32), teamId: 1, name: 'Q', typeName: 'gateway-webhook', data: {} });
        const other = await hooks.create({ udid: 'r'.repeat(32), teamId: 1, name: 'R', typeName: 'gateway-webhook', data: {} });
        const bytes = Buffer.from([0, 1, 2, 254, 255]);
        const files = { name: 'Ada', upload: [{ name: 'a.bin', mime: 'application/octet-stream', data: bytes }], note: { $buffer: 'not bytes' } };
        const multipart: WebhookRequest = { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, query: {}, body: files, hookOptions: { headers: true } };
        const first = await queue.push(hook.id, multipart, 5, T0);
        const second = await queue.push(hook.id, request({ n: 2 }), 7, T1);
        await queue.push(other.id, request({ n: 3 }), 7, T1);
        const third = await queue.push(hook.id, request({ n: 4 }), 7, T2);
        assert.ok(first.id < second.id && second.id < third.id);
        assert.deepEqual(first, { id: first.id, hookId: hook.id, request: multipart, size: 5, receivedAt: T0 });
        const stored = await queue.get(first.id);
        assert.deepEqual(stored, first);
        const body = stored?.request.body as typeof files;
        assert.ok(Buffer.isBuffer(body.upload[0]?.data), 'file bytes come back as a Buffer');
        assert.ok(bytes.equals(body.upload[0]?.data ?? Buffer.alloc(0)));
        assert.deepEqual(body.note, { $buffer: 'not bytes' });
        assert.deepEqual((await queue.peek(hook.id, 2)).map((item) => item.id), [first.id, second.id]);
        assert.deepEqual((await queue.peek(hook.id, 2, [first.id])).map((item) => item.id), [second.id, third.id], 'items being run are left out');
        assert.deepEqual((await queue.peek(hook.id, 10)).map((item) => item.request.body), [files, { n: 2 }, { n: 4 }]);
        assert.equal(await queue.get(third.id + 100), undefined);
        assert.deepEqual(await queue.depths(), [{ hookId: hook.id, count: 3 }, { hookId: other.id, count: 1 }]);
      }));

    it('queue: counts, removes given ids of the hook only, or all of it', () =>
      withStore(open, async ({ server: { hooks, queue } }) => {
        const hook = await hooks.create({ udid: 'q'.repeat(32), teamId: 1, name: 'Q', typeName: 'gateway-webhook', data: {} });
        const other = await hooks.create({ udid: 'r'.repeat(32), teamId: 1, name: 'R', typeName: 'gateway-webhook', data: {} });
        const ids: number[] = [];
        for (let n = 0; n < 4; n += 1) ids.push((await queue.push(hook.id, request({ n }), 7, T0)).id);
        const foreign = await queue.push(other.id, request({ n: 9 }), 7, T0);
        assert.equal(await queue.count(hook.id), 4);
        assert.equal(await queue.remove(hook.id, [ids[1] ?? 0, ids[3] ?? 0, foreign.id, 99999]), 2);
        assert.deepEqual((await queue.peek(hook.id, 10)).map((item) => item.id), [ids[0], ids[2]]);
        assert.equal(await queue.remove(hook.id, []), 0);
        assert.equal(await queue.count(other.id), 1);
        assert.equal(await queue.remove(hook.id, 'all'), 2);
        assert.equal(await queue.count(hook.id), 0);
        assert.deepEqual(await queue.depths(), [{ hookId: other.id, count: 1 }]);
      }));

    it('queue: pushes made at the same time are all stored, in call order, each with its own id', () =>
      withStore(open, async ({ server: { hooks, queue } }) => {
        const hook = await hooks.create({ udid: 'b'.repeat(32), teamId: 1, name: 'B', typeName: 'gateway-webhook', data: {} });
        const pushed = await Promise.all(Array.from({ length: 25 }, (_, n) => queue.push(hook.id, request({ n }), 7, T0)));
        assert.equal(new Set(pushed.map((item) => item.id)).size, 25);
        assert.deepEqual((await queue.peek(hook.id, 100)).map((item) => item.request.body), Array.from({ length: 25 }, (_, n) => ({ n })));
        assert.equal(await queue.count(hook.id), 25);
      }));
  });

  describeExecutionContract(name, open);
  describeFolderContract(name, open);
}

/** Executions, data stores and data structures: the second half of the suite. */
function describeExecutionContract(name: string, open: OpenServerStore): void {
  describe(`${name}: server store contract, executions and data`, () => {
    it('executions: start then finish records the end, stores the run\'s writes and removes the consumed request in the same transaction', () =>
      withStore(open, async ({ server: { hooks, queue, executions }, ports }) => {
        const hook = await hooks.create({ udid: 'h'.repeat(32), teamId: 1, name: 'H', typeName: 'gateway-webhook', data: {} });
        const item = await queue.push(hook.id, request({ n: 1 }), 7, T0);
        const kept = await queue.push(hook.id, request({ n: 2 }), 7, T0);
        await executions.start({ id: 'e1', scenarioId: 3, type: 'auto', instant: true, incomingId: item.id, startedAt: T0 });
        assert.deepEqual(await executions.get('e1'), {
          id: 'e1', scenarioId: 3, status: 'running', type: 'auto', instant: true, incomingId: item.id, startedAt: T0, finishedAt: null, operations: 0, transfer: 0, report: null,
        });
        const stored = { id: 'ie1', scenario: '3', executionId: 'e1', moduleId: 2, error: { type: 'ConnectionError', message: 'down' }, scope: { '1': { n: 1 } }, blueprint: { flow: [] }, retry: null, createdAt: T1, attempts: 0, nextRetryAt: null };
        await executions.finish('e1', ended(T1, 'warning'), { dataStores: [{ storeId: '5', key: 'k', data: { n: 1 } }, { storeId: '5', key: 'gone', data: null }], state: [{ scope: 's', name: 'counter', value: 3 }], incomplete: [stored] });
        assert.deepEqual(await ports.incomplete.get('ie1'), stored, 'an incomplete execution the run stored is kept with its end');
        assert.deepEqual(await ports.dataStores.get('5', 'k'), { n: 1 }, 'the run\'s buffered writes are stored with its end');
        assert.equal(await ports.state.get('s', 'counter'), 3);
        assert.equal(await queue.count(hook.id), 1);
        const done = await executions.get('e1');
        assert.deepEqual(done, { id: 'e1', scenarioId: 3, type: 'auto', instant: true, incomingId: item.id, startedAt: T0, ...ended(T1, 'warning') });
        assert.equal(await queue.get(item.id), undefined);
        assert.deepEqual((await queue.peek(hook.id, 10)).map((i) => i.id), [kept.id]);
        await assert.rejects(executions.finish('never-started', ended(T1)));
        assert.equal(await executions.get('never-started'), undefined);
      }));

    it('executions: a second finished run of one request is refused, and a failed finish keeps the request queued', () =>
      withStore(open, async ({ server: { hooks, queue, executions }, ports }) => {
        const hook = await hooks.create({ udid: 'h'.repeat(32), teamId: 1, name: 'H', typeName: 'gateway-webhook', data: {} });
        const item = await queue.push(hook.id, request({ n: 1 }), 7, T0);
        const other = await queue.push(hook.id, request({ n: 2 }), 7, T0);
        await executions.start({ id: 'a', scenarioId: 3, type: 'auto', instant: false, incomingId: item.id, startedAt: T0 });
        await executions.start({ id: 'b', scenarioId: 3, type: 'auto', instant: false, incomingId: item.id, startedAt: T0 });
        await executions.finish('a', ended(T1));
        await assert.rejects(executions.finish('b', ended(T1)));
        assert.equal((await executions.get('b'))?.status, 'running');
        assert.deepEqual((await queue.peek(hook.id, 10)).map((i) => i.id), [other.id]);

        await executions.start({ id: 'c', scenarioId: 3, type: 'auto', instant: false, incomingId: other.id, startedAt: T0 });
        const invalid = { ...ended(T1), status: 'bogus' as ExecutionStatus };
        await assert.rejects(executions.finish('c', invalid, { dataStores: [{ storeId: '5', key: 'lost', data: { n: 1 } }], state: [] }));
        assert.equal((await executions.get('c'))?.status, 'running');
        assert.equal(await ports.dataStores.get('5', 'lost'), undefined, 'a failed finish stores none of the run\'s writes');
        assert.deepEqual(await queue.get(other.id), other);
      }));

    it('executions: abandonRunning ends running runs as errors and leaves their requests to a rerun', () =>
      withStore(open, async ({ server: { hooks, queue, executions } }) => {
        const hook = await hooks.create({ udid: 'h'.repeat(32), teamId: 1, name: 'H', typeName: 'gateway-webhook', data: {} });
        const item = await queue.push(hook.id, request({ n: 1 }), 7, T0);
        await executions.start({ id: 'late', scenarioId: 1, type: 'auto', instant: true, incomingId: item.id, startedAt: T1 });
        await executions.start({ id: 'early', scenarioId: 2, type: 'manual', instant: false, incomingId: null, startedAt: T0 });
        await executions.start({ id: 'done', scenarioId: 1, type: 'manual', instant: false, incomingId: null, startedAt: T0 });
        await executions.finish('done', ended(T1));
        assert.deepEqual(await executions.abandonRunning(T2, 'The server stopped.'), ['early', 'late']);
        const late = await executions.get('late');
        assert.deepEqual([late?.status, late?.finishedAt, late?.report?.status, late?.report?.error?.message], ['error', T2, 'error', 'The server stopped.']);
        assert.deepEqual(await executions.get('done'), { id: 'done', scenarioId: 1, type: 'manual', instant: false, incomingId: null, startedAt: T0, ...ended(T1) });
        assert.deepEqual(await queue.get(item.id), item);
        assert.deepEqual(await executions.abandonRunning(T2, 'again'), []);
        await executions.start({ id: 'rerun', scenarioId: 1, type: 'auto', instant: true, incomingId: item.id, startedAt: T2 });
        await executions.finish('rerun', ended(T2));
        assert.equal(await queue.count(hook.id), 0);
      }));

    it('executions: lists a scenario newest first with limit, offset and status, and prunes finished runs', () =>
      withStore(open, async ({ server: { executions } }) => {
        const starts = ['2024-01-01', '2024-01-03', '2024-01-02', '2024-01-04'].map((day) => `${day}T00:00:00.000Z`);
        for (const [index, startedAt] of starts.entries()) {
          await executions.start({ id: `e${index}`, scenarioId: 1, type: 'manual', instant: false, incomingId: null, startedAt });
          if (index < 3) await executions.finish(`e${index}`, ended(startedAt.replace('T00', 'T01'), index === 1 ? 'error' : 'success'));
        }
        await executions.start({ id: 'other', scenarioId: 2, type: 'manual', instant: false, incomingId: null, startedAt: starts[0] ?? T0 });
        const ids = async (options?: Parameters<typeof executions.list>[1]) => (await executions.list(1, options)).map((e) => e.id);
        assert.deepEqual(await ids(), ['e3', 'e1', 'e2', 'e0']);
        assert.deepEqual(await ids({ limit: 2 }), ['e3', 'e1']);
        assert.deepEqual(await ids({ limit: 2, offset: 1 }), ['e1', 'e2']);
        assert.deepEqual(await ids({ offset: 3 }), ['e0']);
        assert.deepEqual(await ids({ status: 'success' }), ['e2', 'e0']);
        assert.deepEqual(await ids({ status: 'running' }), ['e3']);
        assert.deepEqual(await executions.list(9), []);
        assert.equal(await executions.prune('2024-01-03T00:00:00.000Z'), 2);
        assert.deepEqual(await ids(), ['e3', 'e1']);
        assert.equal(await executions.prune('2030-01-01T00:00:00.000Z'), 1);
        assert.deepEqual(await ids(), ['e3']);
        assert.equal((await executions.list(2)).length, 1);
      }));

    it('data stores: creates, gets, lists by team, updates, and removes a store with its records', () =>
      withStore(open, async ({ server: { dataStoreMeta }, ports }) => {
        const a = await dataStoreMeta.create({ teamId: 1, name: 'Customers', datastructureId: 4, maxSizeMB: 10 });
        const b = await dataStoreMeta.create({ teamId: 2, name: 'Orders', datastructureId: null, maxSizeMB: 1 });
        assert.ok(b.id > a.id);
        assert.deepEqual(a, { id: a.id, teamId: 1, name: 'Customers', datastructureId: 4, maxSizeMB: 10, createdAt: T0 });
        assert.deepEqual(await dataStoreMeta.get(b.id), b);
        assert.deepEqual((await dataStoreMeta.list()).map((s) => s.id), [a.id, b.id]);
        assert.deepEqual((await dataStoreMeta.list(2)).map((s) => s.id), [b.id]);
        assert.deepEqual(await dataStoreMeta.update(a.id, { name: 'Clients', datastructureId: null }), { ...a, name: 'Clients', datastructureId: null });
        assert.deepEqual(await dataStoreMeta.update(a.id, { maxSizeMB: 2 }), { ...a, name: 'Clients', datastructureId: null, maxSizeMB: 2 });
        assert.equal(await dataStoreMeta.update(b.id + 100, { name: 'x' }), undefined);
        await ports.dataStores.put(String(a.id), 'k1', { n: 1 });
        await ports.dataStores.put(String(a.id), 'k2', { n: 2 });
        await ports.dataStores.put(String(b.id), 'k1', { n: 3 });
        assert.equal(await dataStoreMeta.remove(a.id), true);
        assert.equal(await dataStoreMeta.remove(a.id), false);
        assert.equal(await dataStoreMeta.get(a.id), undefined);
        assert.equal(await ports.dataStores.count(String(a.id)), 0);
        assert.deepEqual(await ports.dataStores.get(String(b.id), 'k1'), { n: 3 });
      }));

    it('data structures: creates, gets, lists by team, updates and removes', () =>
      withStore(open, async ({ server: { dataStructures } }) => {
        const spec = [{ name: 'email', type: 'email', required: true }, { name: 'tags', type: 'array', spec: { type: 'text' } }];
        const a = await dataStructures.create({ teamId: 1, name: 'Person', spec, strict: true });
        const b = await dataStructures.create({ teamId: 2, name: 'Empty', spec: [], strict: false });
        assert.ok(b.id > a.id);
        assert.deepEqual(a, { id: a.id, teamId: 1, name: 'Person', spec, strict: true, createdAt: T0 });
        assert.deepEqual(await dataStructures.get(b.id), b);
        assert.deepEqual((await dataStructures.list()).map((s) => s.name), ['Person', 'Empty']);
        assert.deepEqual((await dataStructures.list(1)).map((s) => s.name), ['Person']);
        assert.deepEqual(await dataStructures.update(a.id, { strict: false, spec: [{ name: 'x', type: 'text' }] }), { ...a, strict: false, spec: [{ name: 'x', type: 'text' }] });
        assert.deepEqual(await dataStructures.update(a.id, { name: 'P' }), { ...a, name: 'P', strict: false, spec: [{ name: 'x', type: 'text' }] });
        assert.equal(await dataStructures.update(b.id + 100, { name: 'x' }), undefined);
        assert.equal(await dataStructures.remove(a.id), true);
        assert.equal(await dataStructures.remove(a.id), false);
        assert.deepEqual(await dataStructures.list(), [b]);
      }));
  });
}
