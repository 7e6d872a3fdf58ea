// The state of one execution while it runs: options passed in, and the log the run report is built from.
// Runs are sequential and depth-first, so one mutable log per execution is safe; nothing else is shared.
import type { EvalContext } from '../iml/index.ts';
import type { ModuleNode, ScenarioModel } from '../model/index.ts';
import type { RandomSource } from '../shared/random.ts';
import type { FlowIndex } from './flow-index.ts';
import type { MakeErrorJson } from './make-error.ts';
import type { MockTable } from './mocks.ts';
import type { Bundle, TransactionParticipant, TriggerInput, VariableScope, WebhookResponse } from './module-api.ts';
import type { ExecutorPorts } from './ports.ts';
import type { ModuleRegistry } from './registry.ts';
import type { IncompleteSummary, ModuleReport } from './run-report.ts';
import type { Scope } from './scope.ts';

/** What a caller gives the executor for one run. */
export interface ExecuteOptions {
  readonly model: ScenarioModel;
  /** The blueprint JSON, stored with incomplete executions. */
  readonly blueprint: unknown;
  readonly registry: ModuleRegistry;
  readonly ports: ExecutorPorts;
  readonly trigger: TriggerInput;
  readonly mocks: MockTable;
  readonly autoMock: boolean;
  /** Scenario key for data that outlives a run (Increment's counters, incomplete executions). */
  readonly scenario: string;
  readonly clock: () => Date;
  readonly timezone: string;
  readonly random: RandomSource;
  readonly sleep: (milliseconds: number) => Promise<void>;
  /** Scenario inputs (`var.input`), when the run was started with some (API run with `data`). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** The execution's id; a fresh one from `random` when absent. */
  readonly executionId?: string;
  /** Callbacks for a caller that watches the run as it goes (the server: execution details, early webhook answers). */
  readonly observer?: RunObserver;
}

/** What a run tells its observer while it runs. */
export interface RunObserver {
  /** A module is about to run with this resolved input (parameters and mapper after coercion). */
  onInput?(moduleId: number, input: { readonly parameters: unknown; readonly mapper: unknown }): void;
  /** The webhook response was sent (at the Webhook response module, or in the commit phase when auto commit is off). */
  onResponse?(response: WebhookResponse): void;
}

/** Bundles collected for one aggregator during one operation of its source module. */
export interface AggregationFrame {
  readonly aggregator: ModuleNode;
  /** The scope at the source module's input: what stays mappable after the aggregator (rule 39). */
  readonly scopeBefore: Scope | undefined;
  /** Mapped items per group key, in order of first appearance (rule 64). */
  readonly groups: Map<string, { key: unknown; items: unknown[] }>;
}

export interface RunContext {
  readonly options: ExecuteOptions;
  readonly index: FlowIndex;
  readonly executionId: string;
  cycle: number;
  operations: number;
  readonly modules: Map<number, ModuleReport>;
  readonly variables: Map<string, { value: unknown; scope: VariableScope }>;
  readonly memory: { readonly cycle: Map<string, unknown>; readonly execution: Map<string, unknown> };
  /** Uncommitted transaction steps of the current cycle (auto commit off). */
  readonly participants: TransactionParticipant[];
  readonly mockCalls: Map<number, number>;
  /** Fields the scenario maps from each module: what auto-mocks fill when a module has no interface. */
  readonly referencedSamples: ReadonlyMap<number, Bundle>;
  readonly frames: Map<ModuleNode, AggregationFrame[]>;
  response: WebhookResponse | null;
  /** A response held back until the commit phase (auto commit off, SEMANTICS.md rule 13). */
  deferredResponse: WebhookResponse | null;
  readonly incomplete: IncompleteSummary[];
  readonly warnings: string[];
  warning: boolean;
  /** Scenario outputs set by Return output modules; null when none ran. */
  outputs: Record<string, unknown> | null;
  error: (MakeErrorJson & { moduleId: number | null }) | null;
  /** The evaluation context of a scope (clock, zone, randomness fixed for the run). */
  evalContext(scope: Scope | undefined): EvalContext;
}

/** Where the depth-first walk stands after a bundle went as far as it goes. */
export type Outcome =
  | { readonly kind: 'done' }
  /** The bundle was removed (Ignore, Break, stored error): remaining router routes are skipped (rule 49). */
  | { readonly kind: 'dropped' }
  /** A directive was reached at the end of an error-handler route. */
  | { readonly kind: 'directive'; readonly node: ModuleNode; readonly scope: Scope | undefined }
  /** The execution stops: Commit, Rollback, or an unhandled error that rolls back. */
  | { readonly kind: 'stop'; readonly mode: 'commit' | 'rollback' };

export const DONE: Outcome = { kind: 'done' };
export const DROPPED: Outcome = { kind: 'dropped' };
