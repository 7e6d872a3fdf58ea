// Runs stored scenarios for the server: loads the current blueprint (compiled once per version), records the
// execution (running → finished, with every module's input bundles), and lets a caller see the webhook answer early.
import type { TriggerInput, WebhookResponse } from '../executor/module-api.ts';
import type { ExecutorPorts, IncompleteExecutionRecord } from '../executor/ports.ts';
import { resumeIncomplete } from '../executor/resume-incomplete.ts';
import { importBlueprint } from '../blueprint/index.ts';
import { executeScenario } from '../executor/run-scenario.ts';
import type { RunReport } from '../executor/run-report.ts';
import { RemakeError } from '../shared/errors.ts';
import type { RandomSource } from '../shared/random.ts';
import type { ExecutionRecord, ServerStore, StoredReport } from '../storage/server-ports.ts';
import { bufferWrites } from '../storage/run-writes.ts';
import type { CompiledScenarios } from './compiled-scenarios.ts';
import { BUILT_IN_REGISTRY } from './run-environment.ts';

export interface ScenarioRunsDeps {
  readonly store: ServerStore;
  readonly ports: ExecutorPorts;
  readonly compiled: CompiledScenarios;
  readonly clock: () => Date;
  readonly random: RandomSource;
  /** The time zone scenarios run in (Make takes it from the user's profile; blueprints do not carry one). */
  readonly timezone: string;
  readonly sleep: (milliseconds: number) => Promise<void>;
  /** Told about every finished run (metrics, logs). */
  readonly onFinished?: (execution: ExecutionRecord) => void;
}

export interface StartRunOptions {
  readonly trigger: TriggerInput;
  readonly type: ExecutionRecord['type'];
  readonly instant?: boolean;
  /** The hook queue item this run consumes; removed when the execution is recorded. */
  readonly incomingId?: number | null;
  readonly transfer?: number;
  /** Scenario inputs (`var.input`, Start scenario's bundle): an API run's `data`. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Called once when the run sends its webhook response. */
  readonly onResponse?: (response: WebhookResponse) => void;
}

/** A run that has started: its id at once, its report when it ends. */
export interface StartedRun {
  readonly executionId: string;
  readonly done: Promise<RunReport>;
}

/** The stored report of a retry: which incomplete execution it retried (GET /dlqs/{id}/logs lists these). */
export type RetryReport = StoredReport & { readonly dlqId: string };

export interface ScenarioRuns {
  /** Starts the scenario's current blueprint; throws RemakeError when the scenario or its blueprint is unusable. */
  start(scenarioId: number, options: StartRunOptions): Promise<StartedRun>;
  /**
   * Retries an incomplete execution from its failed module with its stored blueprint (rule 87), recorded as an
   * execution of type 'retry'; the run writes through `ports` (a retry replaces the record rather than adding one).
   */
  resume(record: IncompleteExecutionRecord, ports: ExecutorPorts): Promise<{ readonly executionId: string; readonly report: RunReport }>;
  /** Whether a run of the scenario started here is still going. */
  isRunning(scenarioId: number): boolean;
}

/** The runner over the server store. */
export function createScenarioRuns(deps: ScenarioRunsDeps): ScenarioRuns {
  const active = new Map<number, number>();
  const track = (scenarioId: number, delta: number): void => {
    const count = (active.get(scenarioId) ?? 0) + delta;
    if (count > 0) active.set(scenarioId, count);
    else active.delete(scenarioId);
  };
  return {
    isRunning: (scenarioId) => active.has(scenarioId),
    async start(scenarioId, options) {
      const scenario = await deps.store.scenarios.get(scenarioId);
      if (!scenario) throw new RemakeError('SCENARIO_NOT_FOUND', `Scenario ${scenarioId} does not exist.`);
      const { model, blueprint } = await deps.compiled.of(scenario);
      const executionId = deps.random.uuid().replace(/-/g, '');
      const startedAt = deps.clock();
      await deps.store.executions.start({ id: executionId, scenarioId, type: options.type, instant: options.instant ?? false, incomingId: options.incomingId ?? null, startedAt: startedAt.toISOString() });
      track(scenarioId, 1);
      const inputs: Record<string, unknown[]> = {};
      // Data store and state writes are stored with the execution record, in one transaction (run-writes.ts).
      const buffered = bufferWrites(deps.ports);
      const done = executeScenario({
        model,
        blueprint,
        registry: BUILT_IN_REGISTRY,
        ports: buffered.ports,
        trigger: options.trigger,
        mocks: {},
        autoMock: false,
        scenario: String(scenarioId),
        clock: deps.clock,
        timezone: deps.timezone,
        random: deps.random,
        sleep: deps.sleep,
        executionId,
        ...(options.inputs ? { inputs: options.inputs } : {}),
        observer: {
          onInput: (moduleId, input) => void (inputs[String(moduleId)] ??= []).push(input),
          ...(options.onResponse ? { onResponse: options.onResponse } : {}),
        },
      }).then(async (report) => {
        const stored = model.settings.confidential ? withoutBundles(report) : { ...report, inputs };
        const end = { status: report.status, finishedAt: deps.clock().toISOString(), operations: report.operations, transfer: options.transfer ?? 0, report: stored };
        await deps.store.executions.finish(executionId, end, buffered.writes());
        deps.onFinished?.({ id: executionId, scenarioId, type: options.type, instant: options.instant ?? false, incomingId: options.incomingId ?? null, startedAt: startedAt.toISOString(), ...end });
        return report;
      }, async (error: unknown) => {
        // A bug in Remake must not leave the execution `running` forever: it ends as an error (its writes dropped).
        const message = error instanceof Error ? error.message : String(error);
        const report: StoredReport = { status: 'error', operations: 0, cycles: 0, modules: {}, response: null, incomplete: [], error: { type: 'UnexpectedError', message: `Remake failed while running this scenario: ${message}`, moduleId: null }, inputs };
        await deps.store.executions.finish(executionId, { status: 'error', finishedAt: deps.clock().toISOString(), operations: 0, transfer: options.transfer ?? 0, report });
        throw error;
      }).finally(() => track(scenarioId, -1));
      return { executionId, done };
    },

    async resume(record, ports) {
      const scenarioId = Number(record.scenario);
      const { model } = importBlueprint(record.blueprint);
      if (!model) throw new RemakeError('BLUEPRINT_INVALID', `The blueprint stored with incomplete execution '${record.id}' cannot be read.`);
      const executionId = deps.random.uuid().replace(/-/g, '');
      const startedAt = deps.clock().toISOString();
      await deps.store.executions.start({ id: executionId, scenarioId, type: 'retry', instant: false, incomingId: null, startedAt });
      const inputs: Record<string, unknown[]> = {};
      const options = { model, blueprint: record.blueprint, registry: BUILT_IN_REGISTRY, ports, trigger: { kind: 'none' as const }, mocks: {}, autoMock: false, scenario: record.scenario, clock: deps.clock, timezone: deps.timezone, random: deps.random, sleep: deps.sleep, executionId };
      const report = await resumeIncomplete({ ...options, observer: { onInput: (moduleId, input) => void (inputs[String(moduleId)] ??= []).push(input) } }, record);
      const stored: RetryReport = { ...report, inputs, dlqId: record.id };
      const end = { status: report.status, finishedAt: deps.clock().toISOString(), operations: report.operations, transfer: 0, report: stored };
      await deps.store.executions.finish(executionId, end);
      deps.onFinished?.({ id: executionId, scenarioId, type: 'retry', instant: false, incomingId: null, startedAt, ...end });
      return { executionId, report };
    },
  };
}

/**
 * "Data is confidential" (SEMANTICS.md rule 19): the execution keeps its status, counts and errors, but no module's
 * input or output bundles, nor the webhook answer or scenario outputs.
 */
function withoutBundles(report: RunReport): StoredReport {
  const modules: RunReport['modules'] = {};
  for (const [id, entry] of Object.entries(report.modules)) modules[id] = { module: entry.module, operations: entry.operations, outputs: [], errors: entry.errors };
  const { outputs: _outputs, response: _response, ...rest } = report;
  return { ...rest, response: null, modules };
}
