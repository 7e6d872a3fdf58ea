// Remake's scenario graph: what a blueprint means, with every template compiled (ARCHITECTURE.md, model/).
// Raw JSON that the graph does not interpret is kept as it came, so the blueprint can be written back unchanged.
import type { CompiledFilter } from './compiled-filter.ts';
import type { CompiledValue } from './compiled-value.ts';

/** Keys of a JSON object that the model keeps without interpreting them, in their original order. */
export type ExtraKeys = Readonly<Record<string, unknown>>;

/** Where a list of modules sits in the scenario. */
export type RouteKind = 'main' | 'route' | 'handler' | 'branch' | 'tool' | 'orphan';

/** An ordered list of modules: the main flow, a router route, an error-handler route, an if/else branch. */
export interface FlowRoute {
  readonly kind: RouteKind;
  /** JSON path of the modules array in the blueprint, e.g. `flow[2].routes[0].flow`. */
  readonly path: string;
  readonly modules: readonly ModuleNode[];
}

/** One route of a router (`routes[]`); `disabled` and unknown keys are kept in `extra`. */
export interface RouterRoute {
  readonly flow: FlowRoute;
  readonly disabled: boolean;
  readonly extra: ExtraKeys;
}

/** One branch of `builtin:BasicIfElse`: a condition branch, or the else branch. */
export interface IfElseBranch {
  readonly flow: FlowRoute;
  readonly type: 'condition' | 'else' | 'unknown';
  readonly label: string | undefined;
  readonly disabled: boolean;
  readonly condition: CompiledFilter | undefined;
  readonly extra: ExtraKeys;
}

/** A nested tool flow of an AI agent module (`tools[]`). */
export interface ToolFlow {
  readonly flow: FlowRoute;
  readonly name: string | undefined;
  readonly extra: ExtraKeys;
}

/** One module of the scenario. Raw fields are kept as they came (`undefined` = the key was absent). */
export interface ModuleNode {
  /** JSON path of this module in the blueprint, e.g. `flow[2].routes[0].flow[1]`. */
  readonly path: string;
  /** The module id when it is a positive integer, otherwise undefined (the raw value stays in `extra.id`). */
  readonly id: number | undefined;
  /** `app:Module` as written; `''` when `module` is missing or not text (the raw value then stays in `extra`). */
  readonly type: string;
  readonly app: string;
  readonly name: string;
  /** The version when it is an integer (otherwise the raw value stays in `extra`). */
  readonly version: number | undefined;
  /** `metadata.designer.name`, the label a person gave the module. */
  readonly label: string | undefined;
  readonly parameters: unknown;
  readonly mapper: unknown;
  readonly metadata: unknown;
  readonly filter: unknown;
  readonly flags: unknown;
  /** Compiled `mapper`, `parameters` and `flags` (templates parsed once, here). */
  readonly compiled: {
    readonly mapper: CompiledValue;
    readonly parameters: CompiledValue;
    readonly flags: CompiledValue;
  };
  /** The compiled link filter, when `filter` has conditions of a valid shape. */
  readonly compiledFilter: CompiledFilter | undefined;
  readonly routes: readonly RouterRoute[] | undefined;
  readonly onerror: FlowRoute | undefined;
  readonly branches: readonly IfElseBranch[] | undefined;
  readonly tools: readonly ToolFlow[] | undefined;
  /** Every other key of the module object, including known keys whose value had an unusable shape. */
  readonly extra: ExtraKeys;
}

/** Scenario settings from `metadata.scenario`, with Make's defaults for keys older exports omit. */
export interface ScenarioSettings {
  readonly roundtrips: number;
  readonly maxErrors: number;
  readonly autoCommit: boolean;
  readonly autoCommitTriggerLast: boolean;
  readonly sequential: boolean;
  readonly confidential: boolean;
  readonly dataloss: boolean;
  readonly dlq: boolean;
  readonly freshVariables: boolean;
}

/** A whole scenario. */
export interface ScenarioModel {
  /** The scenario name; when `name` is not text it stays in `extra`. */
  readonly name: string | undefined;
  readonly flow: FlowRoute;
  /** Disconnected module chains left on the canvas (`metadata.designer.orphans`); never executed. */
  readonly orphans: readonly FlowRoute[] | undefined;
  readonly settings: ScenarioSettings;
  /** `metadata.instant` as written. */
  readonly instant: boolean | undefined;
  /** Scenario `metadata` as written (orphans are re-inserted from `orphans` on export). */
  readonly metadata: unknown;
  /** Top-level keys other than `name`, `flow` and `metadata` (`io`, `description`, `scheduling`…), as written. */
  readonly extra: ExtraKeys;
}
