// The contract every storage adapter passes (STYLE.md rule 12, hono's router suite): one suite, run against
// SQLite now and Postgres later, covering each method of the data store, state, incomplete-execution and
// connection ports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionRecord, ExecutorPorts, IncompleteExecutionRecord } from '../../executor/ports.ts';

/** What an adapter hands the suite: fresh, empty ports, closed by the suite after each test. */
export type OpenPorts = () => Promise<ExecutorPorts & { close(): void }>;

/** Runs `body` on freshly opened ports and closes them whatever happens. */
async function withPorts(open: OpenPorts, body: (ports: ExecutorPorts) => Promise<void>): Promise<void> {
  const ports = await open();
  try {
    await body(ports);
  } finally {
    ports.close();
  }
}

function incomplete(id: string, scenario: string, createdAt: string): IncompleteExecutionRecord {
  return {
    id,
    scenario,
    executionId: `exec-${id}`,
    moduleId: 4,
    error: { type: 'DataError', message: `Failed in ${id}.` },
    scope: { '1': { name: 'Ada', tags: ['a', 'b'] }, '3': { total: 12.5, ok: true, none: null } },
    blueprint: { name: scenario, flow: [{ id: 1, module: 'json:ParseJSON', version: 1 }] },
    retry: { enabled: true, attempts: 3, intervalMinutes: 15 },
    createdAt,
    attempts: 0,
    nextRetryAt: null,
  };
}

function connection(id: string, name = `Connection ${id}`): ConnectionRecord {
  return {
    id,
    type: 'oauth2',
    name,
    data: {
      grantType: 'client_credentials',
      tokenUrl: 'https://auth.example.com/token',
      clientId: 'client-ĳ',
      clientSecret: 's3cret "quoted" ✓',
      scopes: ['read', 'write'],
      expiresAt: '2024-01-01T00:00:00.000Z',
      nested: { n: 1, ok: true, none: null },
    },
  };
}

/** Declares the ports contract suite under `name`, opening fresh ports with `open` for every test. */
export function describePortsContract(name: string, open: OpenPorts): void {
  describe(`${name}: storage ports contract`, () => {
    describe('data stores', () => {
      it('gets undefined for a missing key and counts an empty store as 0', () =>
        withPorts(open, async ({ dataStores }) => {
          assert.equal(await dataStores.get('1', 'missing'), undefined);
          assert.equal(await dataStores.count('1'), 0);
          assert.deepEqual(await dataStores.list('1'), []);
        }));

      it('round-trips JSON records exactly', () =>
        withPorts(open, async ({ dataStores }) => {
          const record = {
            text: 'héllo "quoted" ✓',
            empty: '',
            integer: 42,
            negative: -7,
            float: 0.125,
            big: 9007199254740991,
            yes: true,
            no: false,
            nothing: null,
            list: [1, 'two', { three: 3 }, [4], null],
            nested: { deeper: { deepest: ['x'] }, emptyObject: {}, emptyList: [] },
            'key with spaces': 'ok',
          };
          await dataStores.put('1', 'r', record);
          assert.deepEqual(await dataStores.get('1', 'r'), record);
        }));

      it('stores dates as ISO 8601 text', () =>
        withPorts(open, async ({ dataStores }) => {
          await dataStores.put('1', 'd', { at: new Date('2024-05-06T07:08:09.010Z') });
          assert.deepEqual(await dataStores.get('1', 'd'), { at: '2024-05-06T07:08:09.010Z' });
        }));

      it('replaces the whole record on a second put', () =>
        withPorts(open, async ({ dataStores }) => {
          await dataStores.put('1', 'k', { a: 1, b: 2 });
          await dataStores.put('1', 'k', { c: 3 });
          assert.deepEqual(await dataStores.get('1', 'k'), { c: 3 });
          assert.equal(await dataStores.count('1'), 1);
        }));

      it('deletes a record and reports whether it existed', () =>
        withPorts(open, async ({ dataStores }) => {
          await dataStores.put('1', 'k', { a: 1 });
          assert.equal(await dataStores.delete('1', 'k'), true);
          assert.equal(await dataStores.get('1', 'k'), undefined);
          assert.equal(await dataStores.delete('1', 'k'), false);
          assert.equal(await dataStores.count('1'), 0);
        }));

      it('lists records in key order (code point order) and counts them', () =>
        withPorts(open, async ({ dataStores }) => {
          for (const key of ['b', 'a', '10', 'B', '9', 'ab']) await dataStores.put('1', key, { key });
          const listed = await dataStores.list('1');
          assert.deepEqual(
            listed.map((record) => record.key),
            ['10', '9', 'B', 'a', 'ab', 'b'],
          );
          assert.deepEqual(listed[0], { key: '10', data: { key: '10' } });
          assert.equal(await dataStores.count('1'), 6);
        }));

      it('keeps stores apart', () =>
        withPorts(open, async ({ dataStores }) => {
          await dataStores.put('1', 'same', { store: 1 });
          await dataStores.put('2', 'same', { store: 2 });
          await dataStores.put('2', 'other', { store: 2 });
          assert.deepEqual(await dataStores.get('1', 'same'), { store: 1 });
          assert.deepEqual(await dataStores.get('2', 'same'), { store: 2 });
          assert.equal(await dataStores.count('1'), 1);
          assert.equal(await dataStores.count('2'), 2);
          assert.deepEqual(
            (await dataStores.list('1')).map((record) => record.key),
            ['same'],
          );
          await dataStores.delete('2', 'same');
          assert.deepEqual(await dataStores.get('1', 'same'), { store: 1 });
        }));
    });

    describe('state', () => {
      it('reads undefined before any set', () =>
        withPorts(open, async ({ state }) => {
          assert.equal(await state.get('scenario-1', 'counter'), undefined);
        }));

      it('sets, reads and overwrites values of any JSON type', () =>
        withPorts(open, async ({ state }) => {
          await state.set('scenario-1', 'counter', 1);
          assert.equal(await state.get('scenario-1', 'counter'), 1);
          await state.set('scenario-1', 'counter', 2);
          assert.equal(await state.get('scenario-1', 'counter'), 2);
          const value = { list: [1, 'a', null], nested: { ok: true } };
          await state.set('scenario-1', 'object', value);
          assert.deepEqual(await state.get('scenario-1', 'object'), value);
          await state.set('scenario-1', 'text', 'hello');
          assert.equal(await state.get('scenario-1', 'text'), 'hello');
          await state.set('scenario-1', 'null', null);
          assert.equal(await state.get('scenario-1', 'null'), null);
        }));

      it('keeps scopes and names apart', () =>
        withPorts(open, async ({ state }) => {
          await state.set('a', 'x', 1);
          await state.set('b', 'x', 2);
          await state.set('a', 'y', 3);
          assert.equal(await state.get('a', 'x'), 1);
          assert.equal(await state.get('b', 'x'), 2);
          assert.equal(await state.get('a', 'y'), 3);
          assert.equal(await state.get('b', 'y'), undefined);
        }));
    });

    describe('incomplete executions', () => {
      it('saves and gets a record with every field intact', () =>
        withPorts(open, async ({ incomplete: port }) => {
          const record = incomplete('ie-1', 'scenario-a', '2024-01-01T00:00:00.000Z');
          await port.save(record);
          assert.deepEqual(await port.get('ie-1'), record);
          assert.equal(await port.get('missing'), undefined);
        }));

      it('keeps a null retry', () =>
        withPorts(open, async ({ incomplete: port }) => {
          const record = { ...incomplete('ie-1', 'scenario-a', '2024-01-01T00:00:00.000Z'), retry: null };
          await port.save(record);
          assert.deepEqual(await port.get('ie-1'), record);
        }));

      it('keeps the attempts made and the next retry time; a record saved without them reads 0 and null', () =>
        withPorts(open, async ({ incomplete: port }) => {
          const retried = { ...incomplete('ie-1', 'scenario-a', '2024-01-01T00:00:00.000Z'), attempts: 2, nextRetryAt: '2024-01-01T00:21:00.000Z' };
          await port.save(retried);
          assert.deepEqual(await port.get('ie-1'), retried);
          const { attempts: _attempts, nextRetryAt: _next, ...bare } = incomplete('ie-2', 'scenario-a', '2024-01-02T00:00:00.000Z');
          await port.save(bare);
          assert.deepEqual(await port.get('ie-2'), { ...bare, attempts: 0, nextRetryAt: null });
        }));

      it('replaces a record saved again under the same id', () =>
        withPorts(open, async ({ incomplete: port }) => {
          const record = incomplete('ie-1', 'scenario-a', '2024-01-01T00:00:00.000Z');
          await port.save(record);
          const updated = { ...record, retry: { enabled: true, attempts: 2, intervalMinutes: 15 } };
          await port.save(updated);
          assert.deepEqual(await port.get('ie-1'), updated);
          assert.equal((await port.list()).length, 1);
        }));

      it('lists all records or one scenario, oldest first', () =>
        withPorts(open, async ({ incomplete: port }) => {
          await port.save(incomplete('ie-3', 'scenario-a', '2024-01-03T00:00:00.000Z'));
          await port.save(incomplete('ie-1', 'scenario-a', '2024-01-01T00:00:00.000Z'));
          await port.save(incomplete('ie-2', 'scenario-b', '2024-01-02T00:00:00.000Z'));
          assert.deepEqual(
            (await port.list()).map((record) => record.id),
            ['ie-1', 'ie-2', 'ie-3'],
          );
          assert.deepEqual(
            (await port.list('scenario-a')).map((record) => record.id),
            ['ie-1', 'ie-3'],
          );
          assert.deepEqual(
            (await port.list('scenario-b')).map((record) => record.id),
            ['ie-2'],
          );
          assert.deepEqual(await port.list('scenario-c'), []);
        }));

      it('removes a record and reports whether it existed', () =>
        withPorts(open, async ({ incomplete: port }) => {
          await port.save(incomplete('ie-1', 'scenario-a', '2024-01-01T00:00:00.000Z'));
          await port.save(incomplete('ie-2', 'scenario-a', '2024-01-02T00:00:00.000Z'));
          assert.equal(await port.remove('ie-1'), true);
          assert.equal(await port.get('ie-1'), undefined);
          assert.equal(await port.remove('ie-1'), false);
          assert.deepEqual(
            (await port.list('scenario-a')).map((record) => record.id),
            ['ie-2'],
          );
        }));
    });
    describe('connections', () => {
      it('gets undefined for a missing id and lists nothing when empty', () =>
        withPorts(open, async ({ connections }) => {
          assert.equal(await connections.get('1'), undefined);
          assert.deepEqual(await connections.list(), []);
        }));

      it('saves and gets a connection with its data intact', () =>
        withPorts(open, async ({ connections }) => {
          const record = connection('42');
          await connections.save(record);
          assert.deepEqual(await connections.get('42'), record);
        }));

      it('replaces a connection saved again under the same id', () =>
        withPorts(open, async ({ connections }) => {
          await connections.save(connection('42'));
          const refreshed: ConnectionRecord = { id: '42', type: 'basic', name: 'Renamed', data: { username: 'ada', password: 'pw' } };
          await connections.save(refreshed);
          assert.deepEqual(await connections.get('42'), refreshed);
          assert.equal((await connections.list()).length, 1);
        }));

      it('lists connections in id order (code point order)', () =>
        withPorts(open, async ({ connections }) => {
          for (const id of ['b', '9', '10', 'a']) await connections.save(connection(id));
          const listed = await connections.list();
          assert.deepEqual(
            listed.map((record) => record.id),
            ['10', '9', 'a', 'b'],
          );
          assert.deepEqual(listed[0], connection('10'));
        }));

      it('removes a connection and reports whether it existed', () =>
        withPorts(open, async ({ connections }) => {
          await connections.save(connection('1'));
          await connections.save(connection('2'));
          assert.equal(await connections.remove('1'), true);
          assert.equal(await connections.get('1'), undefined);
          assert.equal(await connections.remove('1'), false);
          assert.deepEqual(
            (await connections.list()).map((record) => record.id),
            ['2'],
          );
        }));
    });
  });
}
