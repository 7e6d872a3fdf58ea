// Aggregation spans (SEMANTICS.md §6): bundles that reach an aggregator during one operation of its source
// module are collected, then the aggregator emits its result(s) and the flow continues from there.
import { toText } from '../iml/index.ts';
import type { ModuleNode } from '../model/index.ts';
import { isRecord } from '../shared/is-record.ts';
import { handleError } from './handle-error.ts';
import { MakeError } from './make-error.ts';
import type { AggregatorModule, Bundle } from './module-api.ts';
import { moduleContext } from './invoke-module.ts';
import { coerceInput, resolveValue } from './resolve-input.ts';
import { DONE, type AggregationFrame, type Outcome, type RunContext } from './run-context.ts';
import { withBundle, type Scope } from './scope.ts';
import { commitSince } from './transactions.ts';
import type { ModulePosition } from './flow-index.ts';
import { count, definitionOf, runAt } from './walk.ts';

/** Runs `body` (one operation of `source` and everything downstream), then emits the aggregations it fed. */
export async function withAggregation(run: RunContext, source: ModuleNode, scopeBefore: Scope | undefined, body: () => Promise<Outcome>): Promise<Outcome> {
  const aggregators = source.id === undefined ? undefined : run.index.aggregatorsByFeeder.get(source.id);
  if (!aggregators) return body();
  const frames = aggregators.map((aggregator): AggregationFrame => ({ aggregator, scopeBefore, groups: new Map() }));
  for (const frame of frames) run.frames.set(frame.aggregator, [...(run.frames.get(frame.aggregator) ?? []), frame]);
  let outcome: Outcome;
  try {
    outcome = await body();
  } finally {
    for (const frame of frames) run.frames.get(frame.aggregator)?.pop();
  }
  // Commit and Rollback end the execution at once: no aggregation is emitted (rule 67, GUESS).
  if (outcome.kind === 'stop' || outcome.kind === 'directive') return outcome;
  for (const frame of frames) {
    const emitted = await emitAggregation(run, frame);
    if (emitted.kind === 'stop' || emitted.kind === 'directive') return emitted;
  }
  return DONE;
}

/** A bundle arriving at an aggregator: its mapped item joins the open aggregation; the path ends here. */
export async function collectForAggregator(run: RunContext, node: ModuleNode, scope: Scope | undefined): Promise<Outcome> {
  const frame = run.frames.get(node)?.at(-1);
  const position = run.index.positions.get(node);
  if (!position) return DONE;
  if (!frame) {
    const error = new MakeError('InvalidConfigurationError', `Module ${node.id} aggregates bundles of module ${String((node.parameters as { feeder?: unknown } | null)?.feeder)}, which is not on its path.`);
    return failAggregator(run, node, position, scope, error);
  }
  const definition = aggregatorOf(run, node);
  const ctx = run.evalContext(scope);
  const id = node.id ?? 0;
  try {
    const item = coerceInput(definition.mapper, resolveValue(node.compiled.mapper, ctx, id), id, 'mapper');
    const flags = resolveValue(node.compiled.flags, ctx, id);
    const groupBy = isRecord(flags) && flags.groupBy !== undefined && flags.groupBy !== '' ? flags.groupBy : undefined;
    const key = groupBy === undefined ? '' : toText(groupBy);
    const group = frame.groups.get(key) ?? { key: groupBy, items: [] };
    group.items.push(item);
    frame.groups.set(key, group);
    return DONE;
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    return failAggregator(run, node, position, scope, error);
  }
}

/** Emits the aggregator's output for one closed span: one bundle, or one per group (rule 64), or none. */
async function emitAggregation(run: RunContext, frame: AggregationFrame): Promise<Outcome> {
  const node = frame.aggregator;
  const id = node.id ?? 0;
  const position = run.index.positions.get(node);
  if (!position) return DONE;
  const definition = aggregatorOf(run, node);
  const ctx = run.evalContext(frame.scopeBefore);
  // Group-by is a formula over the span's bundles, so whether it is set is read from the raw flags.
  const flags = node.flags;
  const grouped = isRecord(flags) && typeof flags.groupBy === 'string' && flags.groupBy !== '';
  const stopIfEmpty = isRecord(flags) && (flags.stopIfEmpty === true || flags.stopIfEmpty === 'true');
  const groups = [...frame.groups.values()];
  // An empty aggregation still emits, unless "stop processing after an empty aggregation" is on (rule 63).
  if (groups.length === 0 && !grouped && !stopIfEmpty) groups.push({ key: undefined, items: [] });
  for (const group of groups) {
    let output: Bundle;
    const mark = run.participants.length;
    try {
      const parameters = coerceInput(definition.parameters, resolveValue(node.compiled.parameters, ctx, id), id, 'parameters');
      output = await definition.aggregate(moduleContext(run, id), { parameters, items: group.items });
      if (grouped) output = { __IMTKEY__: group.key, ...output };
    } catch (error) {
      if (!(error instanceof MakeError)) throw error;
      const outcome = await failAggregator(run, node, position, frame.scopeBefore, error);
      if (outcome.kind === 'stop' || outcome.kind === 'directive') return outcome;
      continue;
    }
    // One operation per aggregated set (rule 24).
    count(run, node, [output]);
    await commitSince(run, mark);
    const outcome = await runAt(run, position.route, position.index + 1, withBundle(frame.scopeBefore, id, output));
    if (outcome.kind === 'stop' || outcome.kind === 'directive') return outcome;
  }
  return DONE;
}

/** An aggregator's failure counts as its operation (rule 26, GUESS) and goes to its error handler. */
function failAggregator(run: RunContext, node: ModuleNode, position: ModulePosition, scope: Scope | undefined, error: MakeError): Promise<Outcome> {
  count(run, node, [], { type: error.type, message: error.message });
  return handleError(run, node, position.route, position.index, scope, error);
}

function aggregatorOf(run: RunContext, node: ModuleNode): AggregatorModule {
  const definition = definitionOf(run, node);
  if (definition?.kind !== 'aggregator') throw new MakeError('InvalidConfigurationError', `Module ${node.id} (${node.type}) is not an aggregator Remake can run.`);
  return definition;
}
