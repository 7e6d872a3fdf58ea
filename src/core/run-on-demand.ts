// POST /scenarios/{id}/run (MAKE-API.md §1.4): runs the scenario now with `data` as its inputs; a responsive run
// waits up to 40 s and answers with its status and outputs, otherwise (or after the wait) with its execution id.
import type { TriggerInput } from '../executor/module-api.ts';
import type { RunReport } from '../executor/run-report.ts';
import { RemakeError } from '../shared/errors.ts';
import type { Remake } from './remake.ts';

/** How long a responsive run is waited for (Make: 40 s). */
export const RESPONSIVE_WAIT_MS = 40_000;
const STATUS_CODE = { success: 1, warning: 2, error: 3 } as const;

export interface OnDemandResult {
  readonly executionId: string;
  readonly status?: 1 | 2 | 3;
  readonly outputs?: Record<string, unknown>;
}

export async function runScenarioNow(remake: Remake, scenarioId: number, options: { readonly data: Readonly<Record<string, unknown>>; readonly responsive: boolean; readonly waitMs?: number }): Promise<OnDemandResult> {
  const scenario = await remake.store.scenarios.get(scenarioId);
  // A webhook scenario run by hand gets the data as one JSON request (docs/semantics.md, GUESS); others get it as scenario inputs.
  const trigger: TriggerInput = scenario?.hookId != null ? { kind: 'webhook', request: { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body: options.data, rawBody: JSON.stringify(options.data) } } : { kind: 'none' };
  // Make runs a scenario once at a time through the API (the SDK's scenarios_run: "Scenario is already being executed").
  if (remake.runs.isRunning(scenarioId)) throw new RemakeError('SCENARIO_RUNNING', 'Scenario is already being executed. Wait for the running execution to finish.');
  const started = await remake.runs.start(scenarioId, { trigger, type: 'manual', inputs: options.data });
  started.done.catch((error: unknown) => remake.log({ event: 'error', where: `execution ${started.executionId}`, message: error instanceof Error ? error.message : String(error) }));
  if (!options.responsive) return { executionId: started.executionId };
  const report = await Promise.race([started.done, delay(options.waitMs ?? RESPONSIVE_WAIT_MS)]);
  if (!report) return { executionId: started.executionId };
  return { executionId: started.executionId, status: STATUS_CODE[report.status], ...(report.outputs ? { outputs: report.outputs } : {}) };
}

function delay(milliseconds: number): Promise<RunReport | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), milliseconds).unref());
}
