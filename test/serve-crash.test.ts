// Crash safety of `remake serve`: kill -9 the server during a burst of webhook requests, start it again on the same
// data dir, and every request that was answered 200 is executed exactly once (no loss, no double run).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createSqlitePorts } from '../src/storage/sqlite/create-sqlite-ports.ts';

const BIN = new URL('../bin/remake.js', import.meta.url).pathname;
const BURST = 280; // under Make's 300 requests per 10 s, so no request is refused for rate
const KILL_AFTER = 120;

function startServe(dataDir: string, token: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], { env: { ...process.env, REMAKE_API_TOKEN: token, REMAKE_SECRET_KEY: 'b'.repeat(64) }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /serving on (http:\/\/[^\s(]+) /.exec(seen);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`remake serve exited with ${code} before listening:\n${seen}`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'remake-crash-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

it('executes every request answered 200 exactly once across a kill -9 and a restart', { timeout: 120_000 }, async () => {
  const token = randomUUID();
  const first = await startServe(dataDir, token);
  const api = async (base: string, path: string, init: RequestInit = {}): Promise<Record<string, unknown>> => {
    const response = await fetch(`${base}/api/v2${path}`, { ...init, headers: { authorization: `Token ${token}`, 'content-type': 'application/json' } });
    const body = (await response.json()) as Record<string, unknown>;
    assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  const hook = (await api(first.url, '/hooks', { method: 'POST', body: JSON.stringify({ name: 'burst', teamId: 1, typeName: 'gateway-webhook', headers: false, method: false, stringify: false }) })).hook as { id: number; udid: string };
  const blueprint = {
    name: 'Store each request once',
    flow: [
      { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hook.id, maxResults: 1 }, mapper: {} },
      // Overwrite off: a second run of the same request would fail with DuplicateDataError and show up.
      { id: 2, module: 'datastore:AddRecord', version: 1, parameters: { datastore: 7 }, mapper: { key: '{{1.n}}', data: { n: '{{1.n}}' }, overwrite: false } },
    ],
    metadata: { version: 1, scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: true, confidential: false, dataloss: false, dlq: false, freshVariables: false } },
  };
  const scenario = (await api(first.url, '/scenarios', { method: 'POST', body: JSON.stringify({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'immediately' }) }) })).scenario as { id: number };
  await api(first.url, `/scenarios/${scenario.id}/start`, { method: 'POST' });

  const accepted = new Set<number>();
  let next = 0;
  let killed = false;
  const hookUrl = (base: string): string => `${base}/hook/${hook.udid}`;
  const sender = async (): Promise<void> => {
    while (next < BURST) {
      const n = next;
      next += 1;
      try {
        const response = await fetch(hookUrl(first.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
        if (response.status === 200 && (await response.text()) === 'Accepted') accepted.add(n);
      } catch {
        // The server died under this request: it was never answered, so it may or may not run, but never twice.
      }
      if (!killed && accepted.size >= KILL_AFTER) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, sender));
  assert.ok(killed, 'the server was killed during the burst');
  assert.ok(accepted.size >= KILL_AFTER);

  const second = await startServe(dataDir, token);
  try {
    // Wait until the queue is drained and nothing runs.
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const state = (await api(second.url, `/hooks/${hook.id}`)).hook as { queueCount: number };
      const logs = (await api(second.url, `/scenarios/${scenario.id}/logs?pg[limit]=1000&status=0`)).scenarioLogs as unknown[];
      if (state.queueCount === 0 && logs.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const logs = (await api(second.url, `/scenarios/${scenario.id}/logs?pg[limit]=1000`)).scenarioLogs as { id: string; status: number }[];
    const runs = new Map<number, number>();
    for (const log of logs.filter((item) => item.status === 1)) {
      const detail = await api(second.url, `/scenarios/${scenario.id}/executions/${log.id}`);
      const n = Number((detail.modules as Record<string, { outputs: { n: unknown }[] }>)['1']?.outputs[0]?.n);
      runs.set(n, (runs.get(n) ?? 0) + 1);
    }
    // Runs cut short by the kill are recorded as interrupted (their request stayed queued and ran again); any other
    // failure would be a double run refused with DuplicateDataError.
    for (const log of logs.filter((item) => item.status === 3)) {
      const detail = await api(second.url, `/scenarios/${scenario.id}/executions/${log.id}`);
      assert.equal((detail.error as { name: string }).name, 'ExecutionInterruptedError', JSON.stringify(detail.error));
    }
    for (const n of accepted) assert.equal(runs.get(n), 1, `request ${n} was answered 200 and ran ${runs.get(n) ?? 0} times`);
    for (const [n, count] of runs) assert.equal(count, 1, `request ${n} ran ${count} times`);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }
  // The stored rows agree: one record per request that ran.
  const ports = createSqlitePorts(join(dataDir, 'remake.sqlite'), { env: { REMAKE_SECRET_KEY: 'b'.repeat(64) } });
  try {
    const keys = (await ports.dataStores.list('7')).map((record) => Number(record.key)).sort((a, b) => a - b);
    for (const n of accepted) assert.ok(keys.includes(n), `request ${n} has its record`);
    assert.equal(new Set(keys).size, keys.length);
  } finally {
    ports.close();
  }
});
