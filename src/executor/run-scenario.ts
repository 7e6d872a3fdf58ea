// One execution of a scenario (SEMANTICS.md §1): preflight, cycles of operation and commit/rollback phases,
// the trigger's bundles sent depth-first, and the run report with Make's status.
import { roleOf } from '../blueprint/index.ts';
import type { EvalContext } from '../iml/index.ts';
import type { ModuleNode } from '../model/index.ts';
import { buildFlowIndex } from './flow-index.ts';
import { handleError } from './handle-error.ts';
import { invokeModule } from './invoke-module.ts';
import { MakeError } from './make-error.ts';
import type { Bundle } from './module-api.ts';
import { preflight } from './preflight.ts';
import { referencedSamples } from './referenced-fields.ts';
import type { ExecuteOptions, Outcome, RunContext } from './run-context.ts';
import type { RunReport } from './run-report.ts';
import { bundleOf, type Scope } from './scope.ts';
import { endCycle } from './transactions.ts';
import { count, emitOutputs, kindOf, runAt } from './walk.ts';

/** Kinds whose first-module operation produces the cycle's bundles. */
const OPERATION_KINDS: ReadonlySet<string> = new Set(['trigger', 'instant-trigger', 'action', 'search', 'iterator', 'responder']);

/** Runs the scenario once and reports what happened. Throws only for bugs (InternalError). */
export async function executeScenario(options: ExecuteOptions): Promise<RunReport> {
  const run = createRun(options);
  const first = options.model.flow.modules[0];
  const problems = preflight({ model: options.model, registry: options.registry, mocks: options.mocks, autoMock: options.autoMock, firstGiven: options.trigger.kind === 'bundles' });
  if (problems.length > 0) {
    const [head] = problems;
    run.error = { type: 'InvalidConfigurationError', message: problems.map((problem) => problem.message).join(' '), moduleId: head?.moduleId ?? null };
    return report(run, 0);
  }
  if (options.model.settings.freshVariables) run.warnings.push('freshVariables is on: execution variables are reset every cycle (unverified behaviour, docs/semantics.md).');
  let cycles = 0;
  for (let cycle = 1; first && cycle <= maxCycles(run, first); cycle += 1) {
    startCycle(run, cycle);
    const outcome = await runCycle(run, first);
    if (outcome === 'no-data') break;
    cycles = cycle;
    await endCycle(run, outcome);
    if (outcome.kind === 'stop' || run.error) break;
  }
  return report(run, cycles);
}

/** A fresh run log for one execution. */
export function createRun(options: ExecuteOptions): RunContext {
  const executionId = options.executionId ?? options.random.uuid().replace(/-/g, '');
  const run: RunContext = {
    options,
    index: buildFlowIndex(options.model, (node) => options.registry.lookup(node.type, node.version)?.kind === 'aggregator'),
    executionId,
    cycle: 0,
    operations: 0,
    modules: new Map(),
    variables: new Map(),
    memory: { cycle: new Map(), execution: new Map() },
    participants: [],
    mockCalls: new Map(),
    referencedSamples: options.autoMock ? referencedSamples(options.model, options.clock()) : new Map(),
    frames: new Map(),
    response: null,
    deferredResponse: null,
    incomplete: [],
    warnings: [],
    warning: false,
    outputs: null,
    error: null,
    evalContext: (scope: Scope | undefined): EvalContext => ({
      module: (id) => bundleOf(scope, id),
      roots: options.inputs ? { var: { input: options.inputs } } : {},
      now: options.clock(),
      timezone: options.timezone,
      random: options.random.next,
      uuid: options.random.uuid,
      executionId,
    }),
  };
  return run;
}

/** Rule 9: a trigger reads until it has nothing more (one cycle here); a scenario without a trigger runs every cycle. */
function maxCycles(run: RunContext, first: ModuleNode): number {
  return isTrigger(run, first) || run.options.trigger.kind !== 'none' ? 1 : Math.max(1, run.options.model.settings.roundtrips);
}

function isTrigger(run: RunContext, node: ModuleNode): boolean {
  const kind = kindOf(run, node);
  const role = roleOf(node.type, node.parameters);
  return kind === 'trigger' || kind === 'instant-trigger' || role === 'trigger' || role === 'instant-trigger';
}

/** Variables of lifetime "one cycle" and per-cycle counters are cleared when a cycle starts (rule 70). */
export function startCycle(run: RunContext, cycle: number): void {
  run.cycle = cycle;
  run.memory.cycle.clear();
  for (const [name, variable] of run.variables) {
    if (variable.scope === 'roundtrip' || run.options.model.settings.freshVariables) run.variables.delete(name);
  }
}

/** The first module's operation (1 operation per cycle, rule 22) and every bundle it outputs. */
async function runCycle(run: RunContext, first: ModuleNode): Promise<Outcome | 'no-data'> {
  const { trigger } = run.options;
  let outputs: Bundle[];
  if (trigger.kind === 'bundles') {
    outputs = [...trigger.bundles];
    count(run, first, outputs);
  } else if (!OPERATION_KINDS.has(kindOf(run, first))) {
    // A router, If-else or empty slot first has no operation of its own: the cycle walks the flow from it.
    return runAt(run, run.options.model.flow, 0, undefined, undefined, true);
  } else {
    try {
      outputs = await invokeModule(run, first, undefined, true);
    } catch (error) {
      if (!(error instanceof MakeError)) throw error;
      return handleError(run, first, run.options.model.flow, 0, undefined, error);
    }
  }
  return emitOutputs(run, first, run.options.model.flow, 0, undefined, outputs);
}

/** The run report of a finished run. */
export function report(run: RunContext, cycles: number): RunReport {
  const status = run.error ? 'error' : run.warning ? 'warning' : 'success';
  const modules: RunReport['modules'] = {};
  for (const [id, entry] of run.modules) modules[String(id)] = entry;
  return {
    status,
    operations: run.operations,
    cycles,
    modules,
    response: webhookResponse(run),
    incomplete: run.incomplete,
    error: run.error,
    ...(run.outputs ? { outputs: run.outputs } : {}),
    ...(run.warnings.length > 0 ? { warnings: run.warnings } : {}),
  };
}

/**
 * What the webhook caller gets: the Webhook response module's answer; otherwise `200 Accepted` (rule 98);
 * when a responder exists but the run failed before it answered, a 500 with the error (docs/semantics.md, GUESS).
 */
function webhookResponse(run: RunContext): RunReport['response'] {
  if (run.options.trigger.kind !== 'webhook') return null;
  if (run.response) return run.response;
  const hasResponder = [...run.index.positions.keys()].some((node) => kindOf(run, node) === 'responder');
  if (hasResponder && run.error) return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: run.error.message };
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Accepted' };
}
