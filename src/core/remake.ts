// createRemake: the server's one API (ARCHITECTURE.md core/), composing storage, scenario runs, webhook queues,
// schedules and incomplete-execution retries. The HTTP server, the CLI's `serve` and the tests sit on top of it.
import { join } from 'node:path';
import type { ExecutorPorts } from '../executor/ports.ts';
import { RemakeError } from '../shared/errors.ts';
import { systemRandom, type RandomSource } from '../shared/random.ts';
import type { ExecutionRecord, ScenarioRecord, ServerStore } from '../storage/server-ports.ts';
import { openSqliteStorage } from '../storage/sqlite/open-sqlite-storage.ts';
import { isKnownZone } from '../iml/index.ts';
import { createErrorPolicy } from './error-policy.ts';
import { createHookDispatch, type HookDispatch } from './hook-dispatch.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { createScenarioRuns, type ScenarioRuns } from './scenario-runs.ts';
import { compiledScenarios } from './compiled-scenarios.ts';

export interface RemakeOptions {
  /** Where the SQLite file (and its secret key) live. */
  readonly dataDir: string;
  readonly clock?: () => Date;
  readonly random?: RandomSource;
  /** The zone scenarios run in; UTC when not given. */
  readonly timezone?: string;
  /** How long a webhook caller waits for a Webhook response module (Make: 180 s). */
  readonly answerTimeoutMs?: number;
  /** Parallel runs per hook for scenarios without sequential processing. */
  readonly concurrency?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Structured log lines (one object per event). */
  readonly log?: (event: Record<string, unknown>) => void;
  /** Told about every finished run (metrics). */
  readonly onFinished?: (execution: ExecutionRecord) => void;
}

/** A running Remake: what the server's routes call. */
export interface Remake {
  readonly store: ServerStore;
  readonly ports: ExecutorPorts;
  readonly runs: ScenarioRuns;
  readonly hooks: HookDispatch;
  readonly scheduler: Scheduler;
  readonly clock: () => Date;
  readonly random: RandomSource;
  readonly timezone: string;
  readonly log: (event: Record<string, unknown>) => void;
  /** The server's base URL, for hook URLs (`<url>/hook/<udid>`). */
  hookUrl(udid: string): string;
  setPublicUrl(url: string): void;
  /** Re-queues what a stopped server left half done and resumes the hook queues. */
  recover(): Promise<void>;
  close(): Promise<void>;
}

export function createRemake(options: RemakeOptions): Remake {
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? systemRandom;
  const timezone = options.timezone ?? 'UTC';
  if (!isKnownZone(timezone)) throw new RemakeError('TIMEZONE_UNKNOWN', `Unknown time zone '${timezone}'. Use an IANA name such as Europe/Prague.`);
  const log = options.log ?? (() => {});
  const storage = openSqliteStorage(join(options.dataDir, 'remake.sqlite'), { now: clock, ...(options.env ? { env: options.env } : {}) });
  const store = storage.server;
  const compiled = compiledScenarios(store);
  const runs = createScenarioRuns({
    store,
    ports: storage.ports,
    compiled,
    clock,
    random,
    timezone,
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
    onFinished: (execution) => {
      log({ event: 'execution.finished', executionId: execution.id, scenarioId: execution.scenarioId, status: execution.status, operations: execution.operations });
      options.onFinished?.(execution);
      void applyErrorPolicy(execution).catch((error: unknown) => log({ event: 'error', where: 'error policy', message: error instanceof Error ? error.message : String(error) }));
    },
  });
  const hasIncomplete = async (scenarioId: number): Promise<boolean> => (await storage.ports.incomplete.list(String(scenarioId))).length > 0;
  const policy = createErrorPolicy();
  async function applyErrorPolicy(execution: ExecutionRecord): Promise<void> {
    const scenario = await store.scenarios.get(execution.scenarioId);
    if (!scenario?.isActive || execution.type === 'manual') return;
    const instant = scenario.scheduling.type === 'immediately' && scenario.hookId !== null;
    if (!policy.shouldDeactivate(execution, { instant, maxErrors: (await compiled.of(scenario)).maxErrors })) return;
    await store.scenarios.update(scenario.id, { isActive: false, nextExec: null });
    log({ event: 'scenario.deactivated', scenarioId: scenario.id, reason: `execution ${execution.id} ended with ${execution.report?.error?.type ?? 'an error'} (Make's consecutive-errors rule)` });
  }
  const hooks = createHookDispatch({
    store,
    runs,
    clock,
    compiled,
    hasIncomplete,
    answerTimeoutMs: options.answerTimeoutMs ?? 180_000,
    concurrency: options.concurrency ?? 8,
    onError: (error, where) => log({ event: 'error', where, message: error instanceof Error ? error.message : String(error) }),
  });

  let publicUrl = 'http://127.0.0.1:8080';
  const paused = async (scenario: ScenarioRecord): Promise<boolean> => (await compiled.of(scenario)).sequential && (await hasIncomplete(scenario.id));
  const scheduler = createScheduler({ store, runs, hooks, clock, timezone, log, paused });
  return {
    scheduler,
    hookUrl: (udid) => `${publicUrl}/hook/${udid}`,
    setPublicUrl: (url) => {
      publicUrl = url;
    },
    store,
    ports: storage.ports,
    runs,
    hooks,
    clock,
    random,
    timezone,
    log,
    async recover() {
      const abandoned = await store.executions.abandonRunning(clock().toISOString(), 'The server stopped during this run; a webhook request it was processing stays queued and runs again.');
      if (abandoned.length > 0) log({ event: 'recover.abandoned', executions: abandoned });
      for (const { hookId } of await store.queue.depths()) hooks.kick(hookId);
    },
    async close() {
      scheduler.stop();
      await hooks.idle();
      storage.close();
    },
  };
}
