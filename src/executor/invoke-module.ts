// One operation of one module: resolve its input (or take its mock), run it, count the operation
// (a failing operation counts too, SEMANTICS.md rule 26 GUESS) and record outputs or the error.
import type { ModuleNode } from '../model/index.ts';
import { InternalError } from '../shared/errors.ts';
import { MakeError } from './make-error.ts';
import { autoMockBundle, mockFor, mockOutputs, mockTriggerOutputs } from './mocks.ts';
import type { Bundle, ModuleContext } from './module-api.ts';
import { coerceInput, resolveValue } from './resolve-input.ts';
import type { RunContext } from './run-context.ts';
import type { Scope } from './scope.ts';
import { commitSince } from './transactions.ts';
import { count, definitionOf } from './walk.ts';

/** Runs one operation of `node` on the bundle whose scope is `scope`; throws MakeError when the module fails. */
export async function invokeModule(run: RunContext, node: ModuleNode, scope: Scope | undefined, isFirst: boolean): Promise<Bundle[]> {
  const mark = run.participants.length;
  try {
    const outputs = await produce(run, node, scope, isFirst);
    count(run, node, outputs);
    await commitSince(run, mark);
    return outputs;
  } catch (error) {
    const failure = asMakeError(error, node);
    count(run, node, [], { type: failure.type, message: failure.message });
    throw failure;
  }
}

async function produce(run: RunContext, node: ModuleNode, scope: Scope | undefined, isFirst: boolean): Promise<Bundle[]> {
  const id = node.id ?? 0;
  const mock = mockFor(run.options.mocks, id, node.type);
  if (mock !== undefined) {
    // A mock replaces the module and its input handling: its mapping is not evaluated.
    const call = run.mockCalls.get(id) ?? 0;
    run.mockCalls.set(id, call + 1);
    return isFirst ? mockTriggerOutputs(mock) : mockOutputs(mock, call);
  }
  const definition = definitionOf(run, node);
  if (definition === undefined) {
    if (run.options.autoMock) return [{ ...run.referencedSamples.get(id), ...autoMockBundle(node.metadata, run.options.clock()) }];
    throw new InternalError(`Module ${id} (${node.type}) has no declaration and no mock; the preflight should have refused the run.`);
  }
  if (definition.kind === 'aggregator' || !('run' in definition)) throw new InternalError(`Module ${id} (${node.type}) is a ${definition.kind}; it has no operation of its own.`);
  const ctx = run.evalContext(scope);
  const parameters = coerceInput(definition.parameters, resolveValue(node.compiled.parameters, ctx, id), id, 'parameters');
  const mapper = coerceInput(definition.mapper, resolveValue(node.compiled.mapper, ctx, id), id, 'mapper');
  run.options.observer?.onInput?.(id, { parameters, mapper });
  return definition.run(moduleContext(run, id), { parameters, mapper });
}

/** Any error a module raised, as a Make error type (bugs in Remake stay InternalError and end the run). */
function asMakeError(error: unknown, node: ModuleNode): MakeError {
  if (error instanceof MakeError) return error;
  if (error instanceof InternalError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  return new MakeError('RuntimeError', `Module ${node.id} (${node.type}) failed: ${message}`, { cause: error });
}

/** The context handed to a module for one operation. */
export function moduleContext(run: RunContext, moduleId: number): ModuleContext {
  const { options } = run;
  return {
    moduleId,
    scenario: options.scenario,
    executionId: run.executionId,
    cycle: run.cycle,
    now: options.clock(),
    timezone: options.timezone,
    random: options.random.next,
    uuid: options.random.uuid,
    trigger: options.trigger,
    dataStores: options.ports.dataStores,
    state: options.ports.state,
    connections: options.ports.connections,
    memory: run.memory,
    variables: {
      get: (name) => run.variables.get(name)?.value,
      has: (name) => run.variables.has(name),
      set: (name, value, scope) => void run.variables.set(name, { value, scope }),
    },
    transaction: (participant) => {
      run.participants.push(participant);
    },
    sleep: options.sleep,
    respond: (response) => {
      if (run.response || run.deferredResponse) {
        run.warnings.push(`Module ${moduleId}: a webhook response was already sent; this one is ignored.`);
        return;
      }
      if (options.model.settings.autoCommit) {
        run.response = response;
        options.observer?.onResponse?.(response);
      } else run.deferredResponse = response; // sent in the commit phase (SEMANTICS.md rule 13)
    },
    inputs: options.inputs ?? {},
    returnOutputs: (values) => {
      run.outputs = { ...run.outputs, ...values };
    },
    warn: (message) => {
      run.warning = true;
      run.warnings.push(`Module ${moduleId}: ${message}`);
    },
  };
}
