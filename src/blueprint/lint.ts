// `remake lint`: warnings about scenarios that import and validate but are likely to go wrong in Make: missing error
// handling, data lost silently, secrets and placeholders left in. One rule per file in lint-rules/, dispatched by the
// table below; every code is described with an example in docs/lint-rules.md.
import type { ScenarioModel } from '../model/index.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { importBlueprint } from './import-blueprint.ts';
import { breakWithoutRetry } from './lint-rules/break-without-retry.ts';
import { disabledRoute } from './lint-rules/disabled-route.ts';
import { iteratorWithoutAggregatorBeforeResponse } from './lint-rules/iterator-without-aggregator-before-response.ts';
import { createLintContext, type LintCode, type LintRule } from './lint-rules/lint-context.ts';
import { moduleWithoutConnection } from './lint-rules/module-without-connection.ts';
import { noErrorHandler } from './lint-rules/no-error-handler.ts';
import { placeholderValue } from './lint-rules/placeholder-value.ts';
import { routerWithoutFallback } from './lint-rules/router-without-fallback.ts';
import { secretInMapping } from './lint-rules/secret-in-mapping.ts';
import { sleepInIteration } from './lint-rules/sleep-in-iteration.ts';
import { webhookWithoutDataStructure } from './lint-rules/webhook-without-data-structure.ts';
import { writesWithoutIncompleteExecutions } from './lint-rules/writes-without-incomplete-executions.ts';

/** Every lint code has exactly one rule, and each rule reports under its own code (checked by the mapped type). */
export const LINT_RULES = {
  LINT_NO_ERROR_HANDLER: noErrorHandler,
  LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS: writesWithoutIncompleteExecutions,
  LINT_ROUTER_WITHOUT_FALLBACK: routerWithoutFallback,
  LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE: webhookWithoutDataStructure,
  LINT_SECRET_IN_MAPPING: secretInMapping,
  LINT_PLACEHOLDER_VALUE: placeholderValue,
  LINT_BREAK_WITHOUT_RETRY: breakWithoutRetry,
  LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE: iteratorWithoutAggregatorBeforeResponse,
  LINT_MODULE_WITHOUT_CONNECTION: moduleWithoutConnection,
  LINT_DISABLED_ROUTE: disabledRoute,
  LINT_SLEEP_IN_ITERATION: sleepInIteration,
} as const satisfies { readonly [C in LintCode]: LintRule<C> };

export interface LintResult {
  /** Undefined when the blueprint's top level is unusable; the diagnostics then say why. */
  readonly model: ScenarioModel | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Runs every rule over an imported scenario; warnings in rule order, each rule's in document order. */
export function lintModel(model: ScenarioModel): Diagnostic[] {
  const ctx = createLintContext(model);
  const rules: readonly LintRule[] = Object.values(LINT_RULES);
  return rules.flatMap((rule) =>
    rule.run(ctx).map((finding) => diagnostic(rule.code, finding.message, { moduleId: finding.moduleId, path: finding.path, position: finding.position }, finding.fix ?? rule.fix)),
  );
}

/** Imports parsed blueprint JSON and lints it; without a model, the import diagnostics say why. */
export function lintBlueprint(json: unknown): LintResult {
  const imported = importBlueprint(json);
  if (!imported.model) return { model: undefined, diagnostics: [...imported.diagnostics] };
  return { model: imported.model, diagnostics: lintModel(imported.model) };
}
