// Schedules of `remake serve` on the server's clock: an interval scenario runs when its time comes and moves its
// next run on; a daily one runs at its local time; a scheduled webhook scenario drains its queue only on schedule.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWebhook, startTestServer, type TestRemakeServer } from './support/remake-server.ts';

const SETTINGS = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };
const setVariable = { id: 2, module: 'util:SetVariable2', version: 1, mapper: { name: 'at', scope: 'roundtrip', value: '{{formatDate(now; "YYYY-MM-DD HH:mm")}}' } };

describe('remake serve: schedules', () => {
  let now = new Date('2026-03-28T08:00:00.000Z');
  let t: TestRemakeServer;
  before(async () => {
    t = await startTestServer({ clock: () => now, timezone: 'Europe/Prague' });
  });
  after(async () => t.close());
  const nextExec = async (id: number): Promise<unknown> => ((await t.make.scenarios.get(id)) as unknown as { nextExec: unknown }).nextExec;

  it('runs an interval scenario when its time comes and moves the next run on', async () => {
    const blueprint = { name: 'every minute', flow: [{ ...setVariable, id: 1 }], metadata: { version: 1, scenario: SETTINGS } };
    const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'indefinitely', interval: 60 }) });
    await t.make.scenarios.activate(scenario.id);
    assert.equal(await nextExec(scenario.id), '2026-03-28T08:01:00.000Z');

    now = new Date('2026-03-28T08:00:30.000Z');
    await t.server.remake.scheduler.tick();
    assert.equal((await t.make.executions.list(scenario.id)).length, 0, 'not due yet');

    now = new Date('2026-03-28T08:01:05.000Z');
    await t.server.remake.scheduler.tick();
    const logs = await t.make.executions.list(scenario.id);
    assert.equal(logs.length, 1);
    assert.equal(logs[0]?.type, 'auto');
    assert.equal(logs[0]?.status, 1);
    const detail = (await t.make.executions.getDetail(scenario.id, String(logs[0]?.id))) as unknown as { modules: Record<string, { outputs: Record<string, unknown>[] }> };
    assert.deepEqual(detail.modules['1']?.outputs, [{ at: '2026-03-28 09:01' }], 'the run sees the server clock in the server zone');
    assert.equal(await nextExec(scenario.id), '2026-03-28T08:02:05.000Z');
    await t.make.scenarios.deactivate(scenario.id);
  });

  it('runs a daily scenario at its local time, across the change to summer time', async () => {
    now = new Date('2026-03-28T10:00:00.000Z');
    const blueprint = { name: 'daily', flow: [{ ...setVariable, id: 1 }], metadata: { version: 1, scenario: SETTINGS } };
    const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'daily', time: '09:30' }) });
    await t.make.scenarios.activate(scenario.id);
    // 09:30 in Prague on 29 March 2026 is already summer time (UTC+2).
    assert.equal(await nextExec(scenario.id), '2026-03-29T07:30:00.000Z');
    now = new Date('2026-03-29T07:30:00.000Z');
    await t.server.remake.scheduler.tick();
    assert.equal((await t.make.executions.list(scenario.id)).length, 1);
    assert.equal(await nextExec(scenario.id), '2026-03-30T07:30:00.000Z');
    await t.make.scenarios.deactivate(scenario.id);
  });

  it('keeps webhook requests of a scheduled scenario queued until its schedule fires, then runs each', async () => {
    now = new Date('2026-04-01T06:00:00.000Z');
    const hook = await createWebhook(t.make);
    const blueprint = { name: 'batched hook', flow: [{ id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hook.id, maxResults: 1 }, mapper: {} }, setVariable], metadata: { version: 1, scenario: { ...SETTINGS, sequential: true } } };
    const scenario = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(blueprint), scheduling: JSON.stringify({ type: 'indefinitely', interval: 900 }) });
    await t.make.scenarios.activate(scenario.id);
    for (const n of [1, 2]) assert.equal((await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) })).status, 200);
    await t.server.remake.hooks.idle();
    assert.equal((await t.make.hooks.get(hook.id)).queueCount, 2, 'nothing runs before the schedule');
    now = new Date('2026-04-01T06:15:00.000Z');
    await t.server.remake.scheduler.tick();
    assert.equal((await t.make.hooks.get(hook.id)).queueCount, 0);
    assert.equal((await t.make.executions.list(scenario.id)).length, 2);
  });
});
