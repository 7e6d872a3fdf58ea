// What happens when a module fails (SEMANTICS.md §8): its error-handler route with a directive
// (Ignore, Resume, Break, Commit, Rollback), or Make's default handling by error type and position.
import type { FlowRoute, ModuleNode } from '../model/index.ts';
import { isRecord } from '../shared/is-record.ts';
import { toBoolean, toNumber } from '../iml/index.ts';
import { RETRYABLE_TYPES, STORED_WITHOUT_RETRY_TYPES, type MakeError } from './make-error.ts';
import { resolveValue } from './resolve-input.ts';
import { DROPPED, type Outcome, type RunContext } from './run-context.ts';
import { scopeToRecord, withBundle, type Scope } from './scope.ts';
import { emitOutputs, filterPasses, runAt } from './walk.ts';

type Directive = 'Ignore' | 'Resume' | 'Break' | 'Commit' | 'Rollback';
const DIRECTIVES: ReadonlySet<string> = new Set<Directive>(['Ignore', 'Resume', 'Break', 'Commit', 'Rollback']);

/** Make's automatic retry schedule for stored retryable errors: 8 attempts (rule 84). */
const AUTO_RETRY = { attempts: 8, intervalMinutes: 1 } as const;

/** Handles `error` raised by `node` (at `index` of `route`) for the bundle whose scope is `scope`. */
export async function handleError(run: RunContext, node: ModuleNode, route: FlowRoute, index: number, scope: Scope | undefined, error: MakeError): Promise<Outcome> {
  const handler = node.onerror;
  const errorScope = withBundle(scope, node.id ?? 0, { error: { type: error.type, message: error.message, detail: error.detail ?? null } });
  const first = handler?.modules[0];
  // A filter on the handler route's first module decides whether the handler applies (rule 54).
  if (handler && first && filterPasses(run, first, errorScope) === true) {
    const outcome = await runAt(run, handler, 0, errorScope, undefined, true);
    if (outcome.kind === 'stop') return outcome;
    // A handler route without a directive ends as Ignore (rule 77).
    if (outcome.kind !== 'directive') return DROPPED;
    return applyDirective(run, node, route, index, scope, error, outcome.node, outcome.scope);
  }
  return defaultHandling(run, node, scope, error);
}

async function applyDirective(run: RunContext, failed: ModuleNode, route: FlowRoute, index: number, scope: Scope | undefined, error: MakeError, directive: ModuleNode, directiveScope: Scope | undefined): Promise<Outcome> {
  const name = directive.name as Directive;
  if (!DIRECTIVES.has(name)) return DROPPED;
  switch (name) {
    case 'Ignore':
      return DROPPED;
    case 'Resume': {
      // The directive's mapper is the failed module's substitute output (rule 80).
      const output = resolveValue(directive.compiled.mapper, run.evalContext(directiveScope), directive.id ?? 0);
      return emitOutputs(run, failed, route, index, scope, [isRecord(output) ? output : {}]);
    }
    case 'Break': {
      if (!run.options.model.settings.dlq) {
        run.warnings.push(`Module ${directive.id}: Break needs "Allow storing of incomplete executions"; the error is handled as if there were no handler.`);
        return defaultHandling(run, failed, scope, error);
      }
      const mapper = resolveValue(directive.compiled.mapper, run.evalContext(directiveScope), directive.id ?? 0);
      const settings = isRecord(mapper) ? mapper : {};
      const retry = toBoolean(settings.retry);
      await storeIncomplete(run, failed, scope, error, {
        enabled: retry,
        attempts: numberOr(settings.count, 3),
        intervalMinutes: numberOr(settings.interval, 15),
      });
      // Automatic completion on: success (Fusion); off: warning (table 8.2, GUESS recorded in docs/semantics.md).
      if (!retry) run.warning = true;
      return DROPPED;
    }
    case 'Commit':
      return { kind: 'stop', mode: 'commit' };
    case 'Rollback':
      run.error = { type: error.type, message: error.message, moduleId: failed.id ?? null };
      return { kind: 'stop', mode: 'rollback' };
  }
}

/** Rule 83: no handler. The first module stops the run; later modules store an incomplete execution or roll back. */
async function defaultHandling(run: RunContext, node: ModuleNode, scope: Scope | undefined, error: MakeError): Promise<Outcome> {
  const isFirst = run.options.model.flow.modules[0] === node;
  const retryable = RETRYABLE_TYPES.has(error.type);
  if (!isFirst && run.options.model.settings.dlq && (retryable || STORED_WITHOUT_RETRY_TYPES.has(error.type))) {
    await storeIncomplete(run, node, scope, error, retryable ? { enabled: true, ...AUTO_RETRY } : null);
    run.warning = true; // rule 33, GUESS: the data is kept for resolution
    return DROPPED;
  }
  run.error = { type: error.type, message: error.message, moduleId: node.id ?? null };
  if (isFirst && retryable) {
    // A connection or rate-limit error on the first module ends the run with a warning (rule 83).
    run.warning = true;
    run.error = null;
    run.warnings.push(`Module ${node.id}: ${error.type}: ${error.message}`);
  }
  return { kind: 'stop', mode: 'rollback' };
}

async function storeIncomplete(run: RunContext, node: ModuleNode, scope: Scope | undefined, error: MakeError, retry: { enabled: boolean; attempts: number; intervalMinutes: number } | null): Promise<void> {
  const id = run.options.random.uuid().replace(/-/g, '');
  const moduleId = node.id ?? 0;
  await run.options.ports.incomplete.save({
    id,
    scenario: run.options.scenario,
    executionId: run.executionId,
    moduleId,
    error: { type: error.type, message: error.message },
    scope: scopeToRecord(scope),
    blueprint: run.options.blueprint,
    retry,
    createdAt: run.options.clock().toISOString(),
  });
  run.incomplete.push({ id, moduleId, error: { type: error.type, message: error.message } });
}

function numberOr(value: unknown, fallback: number): number {
  try {
    return toNumber(value) ?? fallback;
  } catch {
    return fallback;
  }
}

