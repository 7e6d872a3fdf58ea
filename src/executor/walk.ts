// The depth-first walk (SEMANTICS.md §2): one bundle travels its whole path, every route of every router,
// before the next bundle starts. One small handler per module kind (STYLE.md rule 2).
import type { FlowRoute, ModuleNode } from '../model/index.ts';
import { assertNever } from '../shared/errors.ts';
import { collectForAggregator, withAggregation } from './aggregate.ts';
import { handleError } from './handle-error.ts';
import { invokeModule } from './invoke-module.ts';
import { MakeError, type MakeErrorJson } from './make-error.ts';
import type { Bundle, ModuleDefinition, ModuleKind } from './module-api.ts';
import { DONE, type Outcome, type RunContext } from './run-context.ts';
import { withBundle, type Scope } from './scope.ts';

/** Called when a route runs out of modules (If-else branches continue at their Merge). */
export type Tail = (scope: Scope | undefined) => Promise<Outcome>;

/** The kind the executor treats a module as: its declaration's kind, or a mocked action for modules Remake does not run. */
export function kindOf(run: RunContext, node: ModuleNode): ModuleKind | 'placeholder' {
  if (node.type === 'placeholder:Placeholder') return 'placeholder';
  return definitionOf(run, node)?.kind ?? 'action';
}

export function definitionOf(run: RunContext, node: ModuleNode): ModuleDefinition | undefined {
  return run.options.registry.lookup(node.type, node.version);
}

/** Runs `route` from module `index` for one bundle whose scope is `scope`. */
export async function runAt(run: RunContext, route: FlowRoute, index: number, scope: Scope | undefined, tail?: Tail, skipFilter = false): Promise<Outcome> {
  const node = route.modules[index];
  if (!node) return tail ? tail(scope) : DONE;
  if (!skipFilter) {
    const passes = filterPasses(run, node, scope);
    if (passes instanceof MakeError) return handleError(run, node, route, index, scope, passes);
    if (!passes) return DONE; // rule 53: a failed filter ends this bundle's path silently
  }
  const kind = kindOf(run, node);
  switch (kind) {
    case 'router':
      return runRouter(run, node, scope);
    case 'ifelse':
      return runIfElse(run, node, route, index, scope, tail);
    case 'merge':
      count(run, node, [{}]);
      return runAt(run, route, index + 1, scope, tail);
    case 'directive':
      return { kind: 'directive', node, scope };
    case 'aggregator':
      return collectForAggregator(run, node, scope);
    case 'placeholder':
      // An empty module slot does nothing; the bundle passes on (docs/semantics.md, GUESS).
      return runAt(run, route, index + 1, scope, tail);
    case 'trigger':
    case 'instant-trigger':
    case 'action':
    case 'search':
    case 'iterator':
    case 'responder':
      return runOperation(run, node, route, index, scope, tail);
    default:
      return assertNever(kind, 'module kind');
  }
}

/** One operation of a module that runs: its outputs continue downstream one by one. */
async function runOperation(run: RunContext, node: ModuleNode, route: FlowRoute, index: number, scope: Scope | undefined, tail?: Tail): Promise<Outcome> {
  let outputs: Bundle[];
  try {
    outputs = await invokeModule(run, node, scope, false);
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    return handleError(run, node, route, index, scope, error);
  }
  return emitOutputs(run, node, route, index, scope, outputs, tail);
}

/** Sends each output bundle down the rest of the route; a source module's operation opens its aggregations. */
export async function emitOutputs(run: RunContext, node: ModuleNode, route: FlowRoute, index: number, scope: Scope | undefined, outputs: readonly Bundle[], tail?: Tail): Promise<Outcome> {
  return withAggregation(run, node, scope, async () => {
    for (const bundle of outputs) {
      const outcome = await runAt(run, route, index + 1, withBundle(scope, node.id ?? 0, bundle), tail);
      if (outcome.kind === 'stop' || outcome.kind === 'directive') return outcome;
    }
    return DONE;
  });
}

/** Rule 42–46: every route whose filter passes, in order; fallback routes only when none passed. */
async function runRouter(run: RunContext, node: ModuleNode, scope: Scope | undefined): Promise<Outcome> {
  const routes = (node.routes ?? []).filter((route) => !route.disabled);
  const ordinary = routes.filter((route) => !isFallback(route.extra));
  const fallbacks = routes.filter((route) => isFallback(route.extra));
  let taken = 0;
  for (const [list, onlyIfNoneTaken] of [[ordinary, false], [fallbacks, true]] as const) {
    for (const route of list) {
      if (onlyIfNoneTaken && taken > 0) break;
      const first = route.flow.modules[0];
      if (!first) continue;
      const passes = filterPasses(run, first, scope);
      if (passes instanceof MakeError) {
        const outcome = await handleError(run, first, route.flow, 0, scope, passes);
        if (outcome.kind !== 'done') return outcome.kind === 'dropped' ? DONE : outcome;
        continue;
      }
      if (!passes) continue;
      if (!onlyIfNoneTaken) taken += 1;
      const outcome = await runAt(run, route.flow, 0, scope, undefined, true);
      // An Ignore (or Break) inside a route also skips the router's remaining routes (rule 49, Fusion).
      if (outcome.kind === 'dropped') return DONE;
      if (outcome.kind !== 'done') return outcome;
    }
  }
  return DONE;
}

/** How a route is marked as the fallback; no genuine export shows it (SEMANTICS.md rule 45), see docs/semantics.md. */
function isFallback(extra: Readonly<Record<string, unknown>>): boolean {
  return extra.isFallback === true;
}

/** Rule 48: the first branch whose condition passes runs (else when none); after a Merge the flow continues once. */
async function runIfElse(run: RunContext, node: ModuleNode, route: FlowRoute, index: number, scope: Scope | undefined, tail?: Tail): Promise<Outcome> {
  count(run, node, [{}]);
  const ctx = run.evalContext(scope);
  const branches = (node.branches ?? []).filter((branch) => !branch.disabled);
  let chosen = branches.find((branch) => branch.type === 'condition' && branch.condition !== undefined && branch.condition.problems.length === 0 && branch.condition.test(ctx));
  chosen ??= branches.find((branch) => branch.type === 'else');
  if (!chosen) return DONE;
  const next = route.modules[index + 1];
  const merges = next !== undefined && next.type === 'builtin:BasicMerge';
  const afterBranch: Tail | undefined = merges ? (branchScope) => runAt(run, route, index + 1, branchScope, tail, true) : undefined;
  return runAt(run, chosen.flow, 0, scope, afterBranch);
}

/** True, false, or the MakeError raised while evaluating the link filter (rule 55, GUESS). */
export function filterPasses(run: RunContext, node: ModuleNode, scope: Scope | undefined): boolean | MakeError {
  const filter = node.compiledFilter;
  if (!filter) return true;
  if (filter.problems.length > 0) return new MakeError('InvalidConfigurationError', `Module ${node.id}: the filter '${filter.name ?? ''}' cannot run: ${filter.problems[0]?.error.message}`);
  try {
    return filter.test(run.evalContext(scope));
  } catch (error) {
    return new MakeError('DataError', `Module ${node.id}: the filter '${filter.name ?? ''}' failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Records one operation of `node` with its outputs (or its error). */
export function count(run: RunContext, node: ModuleNode, outputs: readonly Bundle[], error?: MakeErrorJson, operations = 1): void {
  const id = node.id ?? 0;
  let report = run.modules.get(id);
  if (!report) {
    report = { module: node.type, operations: 0, outputs: [], errors: [] };
    run.modules.set(id, report);
  }
  report.operations += operations;
  run.operations += operations;
  for (const bundle of outputs) report.outputs.push(bundle);
  if (error) report.errors.push(error);
}
