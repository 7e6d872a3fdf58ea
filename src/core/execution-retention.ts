// Executions history retention: finished executions older than the retention period are deleted at start and then
// hourly. Make keeps execution logs for a plan-dependent period (30 days on paid plans is the common case; GUESS).
import type { Remake } from './remake.ts';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Deletes finished executions that ended more than `days` days before now; returns how many went. */
export async function pruneExecutions(remake: Pick<Remake, 'store' | 'clock' | 'log'>, days: number): Promise<number> {
  const before = new Date(remake.clock().getTime() - days * DAY_MS).toISOString();
  const removed = await remake.store.executions.prune(before);
  if (removed > 0) remake.log({ event: 'executions.pruned', removed, before });
  return removed;
}

/** Prunes now and every hour until stopped. */
export function keepExecutions(remake: Pick<Remake, 'store' | 'clock' | 'log'>, days: number): { stop(): void } {
  const prune = (): void => void pruneExecutions(remake, days).catch((error: unknown) => remake.log({ event: 'error', where: 'execution retention', message: error instanceof Error ? error.message : String(error) }));
  prune();
  const timer = setInterval(prune, HOUR_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
