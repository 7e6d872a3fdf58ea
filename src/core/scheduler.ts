// Runs active scenarios on their schedule (Make's scheduling object, in the server's zone): every tick starts the
// scenarios whose next time has come (a webhook scenario drains its queue instead), then stores the time after.
import { nextRun } from '../jobs/next-run.ts';
import type { ScenarioRecord } from '../storage/server-ports.ts';
import type { Remake } from './remake.ts';

/** Types that are not timer driven: webhooks run as requests arrive, on-demand only when asked. */
const UNTIMED: ReadonlySet<string> = new Set(['immediately', 'on-demand']);

export interface Scheduler {
  /** Starts what is due now; resolves when those runs have ended. */
  tick(): Promise<void>;
  start(intervalMs?: number): void;
  stop(): void;
}

/** What the scheduler uses of Remake. */
export type SchedulerDeps = Pick<Remake, 'store' | 'runs' | 'hooks' | 'clock' | 'timezone' | 'log'> & {
  /** A sequential scenario with unresolved incomplete executions is not run (SEMANTICS.md rules 15 and 90). */
  readonly paused: (scenario: ScenarioRecord) => Promise<boolean>;
};

export function createScheduler(remake: SchedulerDeps): Scheduler {
  const running = new Set<number>();
  let timer: NodeJS.Timeout | undefined;

  async function runDue(scenario: ScenarioRecord, now: Date): Promise<void> {
    running.add(scenario.id);
    try {
      // The next time is stored before the run, so a slow run never makes the schedule fire twice.
      const next = nextRun(scenario.scheduling, { after: now, timezone: remake.timezone, lastRun: now });
      await remake.store.scenarios.update(scenario.id, { nextExec: next ? next.toISOString() : null });
      if (await remake.paused(scenario)) remake.log({ event: 'schedule.paused', scenarioId: scenario.id, reason: 'sequential processing with unresolved incomplete executions' });
      else if (scenario.hookId !== null) await remake.hooks.drain(scenario.hookId);
      else await (await remake.runs.start(scenario.id, { trigger: { kind: 'none' }, type: 'auto' })).done;
    } catch (error) {
      remake.log({ event: 'error', where: `schedule of scenario ${scenario.id}`, message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.delete(scenario.id);
    }
  }

  const scheduler: Scheduler = {
    async tick() {
      const now = remake.clock();
      const due = (await remake.store.scenarios.list()).filter(
        (scenario) => scenario.isActive && !UNTIMED.has(scenario.scheduling.type) && scenario.nextExec !== null && Date.parse(scenario.nextExec) <= now.getTime() && !running.has(scenario.id),
      );
      await Promise.all(due.map((scenario) => runDue(scenario, now)));
      // Queues that wait (a paused sequential scenario, a request that could not start) are offered again every tick.
      for (const { hookId } of await remake.store.queue.depths()) remake.hooks.kick(hookId);
    },
    start(intervalMs = 1000) {
      timer ??= setInterval(() => void scheduler.tick(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return scheduler;
}
