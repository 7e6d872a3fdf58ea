// Turning a scenario on and off (Make's start/stop): the next scheduled time is worked out from its scheduling
// in the server's zone, and an instant (webhook) scenario starts consuming what waited in its queue.
import { nextRun } from '../jobs/next-run.ts';
import { RemakeError } from '../shared/errors.ts';
import type { ScenarioRecord } from '../storage/server-ports.ts';
import type { Remake } from './remake.ts';

export async function activateScenario(remake: Remake, id: number): Promise<ScenarioRecord> {
  const scenario = await remake.store.scenarios.get(id);
  if (!scenario) throw new RemakeError('SCENARIO_NOT_FOUND', `Scenario ${id} does not exist.`);
  const next = nextRun(scenario.scheduling, { after: remake.clock(), timezone: remake.timezone, lastRun: null });
  const updated = await remake.store.scenarios.update(id, { isActive: true, nextExec: next ? next.toISOString() : null });
  if (!updated) throw new RemakeError('SCENARIO_NOT_FOUND', `Scenario ${id} does not exist.`);
  if (updated.hookId !== null) remake.hooks.kick(updated.hookId);
  remake.log({ event: 'scenario.activated', scenarioId: id, nextExec: updated.nextExec });
  return updated;
}

export async function deactivateScenario(remake: Remake, id: number, reason = 'stopped through the API'): Promise<ScenarioRecord> {
  const updated = await remake.store.scenarios.update(id, { isActive: false, nextExec: null });
  if (!updated) throw new RemakeError('SCENARIO_NOT_FOUND', `Scenario ${id} does not exist.`);
  remake.log({ event: 'scenario.deactivated', scenarioId: id, reason });
  return updated;
}
