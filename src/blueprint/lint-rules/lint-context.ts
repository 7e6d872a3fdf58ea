// What every lint rule receives (the scenario and its modules, executed ones apart) and the shape of a rule:
// plain data plus a `run` that returns findings, so the rule table in lint.ts dispatches without classes.
import { allModules, flowModules, modulesOf, type ModuleNode, type ScenarioModel } from '../../model/index.ts';
import { isRecord } from '../../shared/is-record.ts';
import type { DiagnosticCode } from '../diagnostics.ts';

/** The diagnostic codes of `remake lint` (every one is a warning). */
export type LintCode = Extract<DiagnosticCode, `LINT_${string}`>;

/** What a rule reads: the scenario, its modules (executed ones apart) and the modules on error-handler routes. */
export interface LintContext {
  readonly model: ScenarioModel;
  /** Modules Make runs: the flow with its routes, handlers, branches and tools; orphan chains left out. */
  readonly executed: readonly ModuleNode[];
  /** Every module, orphan chains included: for findings about what the file holds, such as secrets. */
  readonly all: readonly ModuleNode[];
  /** Modules that sit on an error-handler route, at any depth. */
  readonly inHandler: ReadonlySet<ModuleNode>;
}

/** One finding of a rule; lint.ts turns it into a warning with the rule's code. */
export interface LintFinding {
  readonly message: string;
  readonly moduleId?: number | undefined;
  readonly path?: string | undefined;
  readonly position?: number | undefined;
  /** A fix for this finding when it says more than the rule's general fix. */
  readonly fix?: string;
}

/** A lint rule: its code, a short title, its usual fix, and a pure function from the scenario to findings. */
export interface LintRule<C extends LintCode = LintCode> {
  readonly code: C;
  /** What the rule finds, in a few words. */
  readonly title: string;
  /** The one-line fix every finding of the rule carries unless it gives its own. */
  readonly fix: string;
  run(ctx: LintContext): readonly LintFinding[];
}

/** Declares a rule; the identity function only fixes the type so that `code` stays a literal. */
export function defineLintRule<C extends LintCode>(rule: LintRule<C>): LintRule<C> {
  return rule;
}

/** The context every rule of one `lintModel` call shares; built once per scenario. */
export function createLintContext(model: ScenarioModel): LintContext {
  const executed = flowModules(model);
  const inHandler = new Set<ModuleNode>();
  for (const node of executed) if (node.onerror) for (const inner of modulesOf(node.onerror)) inHandler.add(inner);
  return { model, executed, all: allModules(model), inHandler };
}

/** `value` as a plain record, or undefined. */
export function recordOf(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return isRecord(value) ? value : undefined;
}

/** How a module is named in messages: `http:ActionSendData 4`, or its path when it has no id. */
export function moduleName(node: ModuleNode): string {
  return `${node.type || 'module'} ${node.id ?? `at ${node.path}`}`;
}
