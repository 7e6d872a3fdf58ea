// Retention deletes finished executions older than the period and keeps newer and running ones.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { openSqliteStorage } from '../storage/sqlite/open-sqlite-storage.ts';
import { pruneExecutions } from './execution-retention.ts';

it('deletes finished executions older than the retention period only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remake-retention-'));
  const storage = openSqliteStorage(join(dir, 'remake.sqlite'), { secretKey: Buffer.alloc(32, 1) });
  try {
    const store = storage.server;
    const scenario = await store.scenarios.create({ teamId: 1, name: 's', hookId: null, scheduling: { type: 'on-demand' }, interface: { input: [], output: [] }, blueprint: { name: 's', flow: [] } });
    const run = async (id: string, day: string, finish: boolean): Promise<void> => {
      await store.executions.start({ id, scenarioId: scenario.id, type: 'manual', instant: false, incomingId: null, startedAt: `${day}T10:00:00.000Z` });
      if (finish) await store.executions.finish(id, { status: 'success', finishedAt: `${day}T10:00:01.000Z`, operations: 1, transfer: 0, report: null });
    };
    await run('old', '2026-09-01', true);
    await run('recent', '2026-11-20', true);
    await run('still-running', '2026-09-01', false);
    const logs: Record<string, unknown>[] = [];
    const removed = await pruneExecutions({ store, clock: () => new Date('2026-11-23T12:00:00.000Z'), log: (event) => void logs.push(event) }, 30);
    assert.equal(removed, 1);
    assert.equal(await store.executions.get('old'), undefined);
    assert.ok(await store.executions.get('recent'));
    assert.ok(await store.executions.get('still-running'));
    assert.equal(logs[0]?.event, 'executions.pruned');
  } finally {
    storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
