// Incomplete executions on the server (SEMANTICS.md §9): retry one by hand (POST /dlqs/{id}/retry), change its blueprint
// or failed module, and the loop that retries due records on Break's count and interval or Make's schedule (rules 84, 87).
import { importBlueprint } from '../blueprint/index.ts';
import type { IncompleteExecutionPort, IncompleteExecutionRecord } from '../executor/ports.ts';
import type { RunReport } from '../executor/run-report.ts';
import { flowModules } from '../model/walk.ts';
import { RemakeError } from '../shared/errors.ts';
import { isRecord } from '../shared/is-record.ts';
import type { ExecutionRecord } from '../storage/server-ports.ts';
import type { Remake } from './remake.ts';

/** Make's automatic retry delays in minutes, each counted from the attempt before: 8 attempts (rule 84, HC automatic-retry). */
const MAKE_SCHEDULE_MINUTES = [1, 10, 10, 30, 30, 30, 180, 180] as const;
const MINUTE_MS = 60_000;

/**
 * Whether the record follows Make's schedule rather than a Break's interval. The executor stores Make's as
 * `{enabled: true, attempts: 8, intervalMinutes: 1}` (handle-error.ts); GUESS: a Break with exactly those settings
 * is read the same way (its first attempt is due at the same time). The error type is not checked: a retry may
 * fail with another type and the record keeps its schedule.
 */
function followsMakeSchedule(record: IncompleteExecutionRecord): boolean {
  const retry = record.retry;
  return retry !== null && retry.attempts === MAKE_SCHEDULE_MINUTES.length && retry.intervalMinutes === 1;
}

/** When the next automatic retry is due, counted from `from` (the last attempt, or the record's creation); null when none remains. */
export function nextRetryAt(record: IncompleteExecutionRecord, from: Date): string | null {
  const made = record.attempts ?? 0;
  const retry = record.retry;
  if (!retry?.enabled || made >= retry.attempts) return null;
  const minutes = followsMakeSchedule(record) ? (MAKE_SCHEDULE_MINUTES[made] ?? retry.intervalMinutes) : retry.intervalMinutes;
  return new Date(from.getTime() + minutes * MINUTE_MS).toISOString();
}

/** The record's due time: as saved, or (saved by the executor without one) its first attempt after creation. */
export function dueAt(record: IncompleteExecutionRecord): string | null {
  return record.nextRetryAt ?? nextRetryAt(record, new Date(record.createdAt));
}

/** A port that saves every record with its next retry time; the executor's ports can be wrapped with it. */
export function withRetrySchedule(port: IncompleteExecutionPort): IncompleteExecutionPort {
  return { ...port, save: (record) => port.save(record.nextRetryAt === undefined ? { ...record, nextRetryAt: dueAt(record) } : record) };
}

/** Ids being retried, per server (Make: items being processed cannot be deleted or retried again). */
const inFlight = new WeakMap<Remake, Set<string>>();
function retrying(remake: Remake): Set<string> {
  let ids = inFlight.get(remake);
  if (!ids) inFlight.set(remake, (ids = new Set()));
  return ids;
}

export function isRetrying(remake: Remake, id: string): boolean {
  return retrying(remake).has(id);
}

export interface RetryOutcome {
  readonly id: string;
  /** Null when the retry could not start (its stored blueprint cannot be read). */
  readonly executionId: string | null;
  readonly status: RunReport['status'];
  /** True when the bundle went through and the record was removed. */
  readonly resolved: boolean;
}

/**
 * Retries one incomplete execution from its failed module with its stored scope and blueprint, recorded as an
 * execution of type 'retry'. Success removes the record; failure updates the same record (attempts + 1, the new
 * error and failed module, the next automatic retry time).
 */
export async function retryIncomplete(remake: Remake, id: string): Promise<RetryOutcome> {
  const ids = retrying(remake);
  if (ids.has(id)) throw new RemakeError('INCOMPLETE_BUSY', `Incomplete execution '${id}' is being retried already.`);
  ids.add(id);
  try {
    const record = await remake.ports.incomplete.get(id);
    if (!record) throw new RemakeError('INCOMPLETE_NOT_FOUND', `Incomplete execution '${id}' does not exist.`);
    return await retryRecord(remake, record);
  } finally {
    ids.delete(id);
  }
}

async function retryRecord(remake: Remake, record: IncompleteExecutionRecord): Promise<RetryOutcome> {
  const port = remake.ports.incomplete;
  let again: IncompleteExecutionRecord | undefined;
  // The first bundle stored again becomes this record's next state; further ones (the resumed path fanned out) keep records of their own.
  const save = async (next: IncompleteExecutionRecord): Promise<void> => {
    if (again) return port.save(next);
    again = next;
  };
  let run: { readonly executionId: string; readonly report: RunReport };
  try {
    run = await remake.runs.resume(record, { ...remake.ports, incomplete: { ...port, save } });
  } catch (error) {
    // A retry that cannot start counts as a failed attempt, so the loop does not try it again on every tick.
    if (!(error instanceof RemakeError)) throw error;
    await port.save(failedAgain(record, undefined, { type: 'InvalidConfigurationError', message: error.message }, remake.clock()));
    return { id: record.id, executionId: null, status: 'error', resolved: false };
  }
  const { executionId, report } = run;
  // Resolved when the bundle went through: no error and nothing stored again (rule 87, as `remake incomplete retry`).
  const resolved = report.status !== 'error' && again === undefined;
  if (resolved) await port.remove(record.id);
  else await port.save(failedAgain(record, again, report.error, remake.clock()));
  remake.log({ event: 'incomplete.retried', id: record.id, executionId, status: report.status, resolved });
  return { id: record.id, executionId, status: report.status, resolved };
}

function failedAgain(record: IncompleteExecutionRecord, again: IncompleteExecutionRecord | undefined, runError: { readonly type: string; readonly message: string } | null, now: Date): IncompleteExecutionRecord {
  const error = again?.error ?? (runError ? { type: runError.type, message: runError.message } : record.error);
  // The record keeps its retry settings, so the attempts count against the schedule it started with.
  const moved = again ? { moduleId: again.moduleId, scope: again.scope } : {};
  const next: IncompleteExecutionRecord = { ...record, ...moved, error, attempts: (record.attempts ?? 0) + 1 };
  return { ...next, nextRetryAt: nextRetryAt(next, now) };
}

/** PATCH /dlqs/{id}: a new blueprint (checked as an import would) and/or failed module to resume from. */
export async function updateIncomplete(remake: Remake, id: string, changes: { readonly blueprint?: unknown; readonly failer?: number }): Promise<IncompleteExecutionRecord> {
  const record = await remake.ports.incomplete.get(id);
  if (!record) throw new RemakeError('INCOMPLETE_NOT_FOUND', `Incomplete execution '${id}' does not exist.`);
  const blueprint = changes.blueprint ?? record.blueprint;
  const moduleId = changes.failer ?? record.moduleId;
  const { model, diagnostics } = importBlueprint(blueprint);
  if (!model) throw new RemakeError('BLUEPRINT_INVALID', diagnostics.map((item) => item.message).join('\n') || 'The blueprint cannot be read.');
  if (!flowModules(model).some((node) => node.id === moduleId)) {
    throw new RemakeError('INCOMPLETE_FAILER_UNKNOWN', `Module ${moduleId} is not in the blueprint of incomplete execution '${id}'.`);
  }
  const updated = { ...record, blueprint, moduleId };
  await remake.ports.incomplete.save(updated);
  return updated;
}

/** The incomplete execution a retry execution ran (kept in its stored report by ScenarioRuns.resume). */
export function retriedIncompleteId(execution: ExecutionRecord): string | undefined {
  const report: unknown = execution.report;
  return isRecord(report) && typeof report['dlqId'] === 'string' ? report['dlqId'] : undefined;
}

/** The retry executions of an incomplete execution, newest first; found by scanning every scenario once it is resolved. */
export async function retryExecutions(remake: Remake, id: string): Promise<ExecutionRecord[]> {
  const record = await remake.ports.incomplete.get(id);
  const scenarioIds = record ? [Number(record.scenario)] : (await remake.store.scenarios.list()).map((scenario) => scenario.id);
  const found: ExecutionRecord[] = [];
  for (const scenarioId of scenarioIds) {
    for (const execution of await remake.store.executions.list(scenarioId, { limit: 100_000 })) {
      if (execution.type === 'retry' && retriedIncompleteId(execution) === id) found.push(execution);
    }
  }
  return found.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export interface RetryLoop {
  /** Retries every record whose due time has come, one after another; overlapping calls share one pass. */
  tick(): Promise<RetryOutcome[]>;
  start(): void;
  stop(): void;
}

/**
 * The automatic retries of `remake serve`. GUESS on the pace: records are retried one at a time (Make runs up to 3
 * per scenario in parallel, HC automatic-retry), and whether the scenario is active does not matter.
 */
export function createRetryLoop(remake: Remake, options: { readonly intervalMs: number }): RetryLoop {
  let timer: ReturnType<typeof setInterval> | undefined;
  let pass: Promise<RetryOutcome[]> | undefined;

  async function retryDue(): Promise<RetryOutcome[]> {
    const now = remake.clock().getTime();
    const due = (await remake.ports.incomplete.list()).filter((record) => {
      const at = dueAt(record);
      return at !== null && Date.parse(at) <= now && !isRetrying(remake, record.id);
    });
    const outcomes: RetryOutcome[] = [];
    for (const record of due) {
      try {
        outcomes.push(await retryIncomplete(remake, record.id));
      } catch (error) {
        remake.log({ event: 'error', where: `automatic retry of incomplete execution ${record.id}`, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return outcomes;
  }

  const tick = (): Promise<RetryOutcome[]> => {
    pass ??= retryDue().finally(() => {
      pass = undefined;
    });
    return pass;
  };
  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick().catch((error: unknown) => remake.log({ event: 'error', where: 'incomplete retry loop', message: error instanceof Error ? error.message : String(error) })), options.intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
