// The contract between the executor and every module (STYLE.md rule 3): a module is plain data plus a function,
// declared with defineModule({...}). The executor resolves IML, coerces inputs through the module's zod schemas,
// and handles flow, errors and operations; a module only turns typed input into output bundles.
import type { z } from 'zod';
import type { ConnectionPort, DataStorePort, StatePort } from './ports.ts';

/** One item of data passed from module to module. */
export type Bundle = Record<string, unknown>;

/** How the executor treats a module. Flow-control kinds have no `run`: the executor implements them. */
export type ModuleKind =
  | 'trigger'
  | 'instant-trigger'
  | 'action'
  | 'search'
  | 'iterator'
  | 'aggregator'
  | 'responder'
  | 'router'
  | 'ifelse'
  | 'merge'
  | 'directive';

/** The request that started a webhook-triggered run. */
export interface WebhookRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** Parsed body: JSON value, urlencoded fields, or multipart fields with files as collections. */
  readonly body: unknown;
  /** The raw body text, for JSON pass-through. */
  readonly rawBody?: string;
  /** The hook's own options (`remake serve` reads them from the stored hook); they win over the module's parameters. */
  readonly hookOptions?: { readonly headers?: boolean; readonly method?: boolean; readonly stringify?: boolean };
}

/** What started the run: a webhook request, or the output bundles of the first module (`--input`). */
export type TriggerInput = { readonly kind: 'webhook'; readonly request: WebhookRequest } | { readonly kind: 'bundles'; readonly bundles: readonly Bundle[] } | { readonly kind: 'none' };

/** A Webhook response module's answer to the caller. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Undo and commit steps of a module that takes part in the cycle's transaction (data stores do). */
export interface TransactionParticipant {
  commit(): Promise<void> | void;
  rollback(): Promise<void> | void;
}

export type VariableScope = 'roundtrip' | 'execution';

/** Everything a module may use while it runs; passed in, never global (STYLE.md rule 9). */
export interface ModuleContext {
  readonly moduleId: number;
  /** Scenario key: the scenario id on a server, the blueprint name for CLI runs. */
  readonly scenario: string;
  readonly executionId: string;
  /** The cycle number, from 1. */
  readonly cycle: number;
  readonly now: Date;
  readonly timezone: string;
  readonly random: () => number;
  readonly uuid: () => string;
  readonly trigger: TriggerInput;
  readonly dataStores: DataStorePort;
  readonly state: StatePort;
  /** Connections and keys the modules authenticate with (HTTP app, custom apps). */
  readonly connections: ConnectionPort;
  readonly variables: {
    get(name: string): unknown;
    has(name: string): boolean;
    set(name: string, value: unknown, scope: VariableScope): void;
  };
  /** In-memory values a module keeps between its operations, cleared per cycle or per execution (Increment's counters). */
  readonly memory: { readonly cycle: Map<string, unknown>; readonly execution: Map<string, unknown> };
  /** Joins the cycle's transaction: `rollback` undoes this module's write if the cycle rolls back. */
  transaction(participant: TransactionParticipant): void;
  sleep(milliseconds: number): Promise<void>;
  /** Sends the webhook response (the first one sent wins). */
  respond(response: WebhookResponse): void;
  /** A warning for the run log; the run then ends with status warning. */
  warn(message: string): void;
  /** The scenario inputs the run was started with (`var.input` in IML; Make's scenario interface). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Sets scenario outputs (Return output module); later values win per name. */
  returnOutputs(values: Readonly<Record<string, unknown>>): void;
}

/** Inputs after IML evaluation and coercion. */
export interface ModuleInput<P, M> {
  readonly parameters: P;
  readonly mapper: M;
}

/** A field of a module's form or output, for describe_module and auto-mocks. */
export interface FieldDoc {
  readonly name: string;
  readonly type: string;
  readonly label?: string;
  readonly required?: boolean;
}

interface DefinitionBase<P, M> {
  /** App id, e.g. `util`. */
  readonly app: string;
  /** Module name, e.g. `SetVariable2`. */
  readonly name: string;
  readonly version: number;
  /** The module's title in Make's editor. */
  readonly title: string;
  /** One line on what it does. */
  readonly description: string;
  readonly parameters: z.ZodType<P>;
  readonly mapper: z.ZodType<M>;
  /** Output fields for describe_module (dynamic outputs are described in words). */
  readonly output?: readonly FieldDoc[];
  /** A blueprint module object showing a typical configuration. */
  readonly example?: Readonly<Record<string, unknown>>;
}

/** Modules that run once per input bundle and output zero or more bundles. */
export interface RunnableModule<P = unknown, M = unknown> extends DefinitionBase<P, M> {
  readonly kind: 'trigger' | 'instant-trigger' | 'action' | 'search' | 'iterator' | 'responder';
  /** Takes part in transactions (ACID in Make's module list). */
  readonly transactional?: boolean;
  /** Talks to other machines (HTTP); an offline run treats it as a module that needs a mock. */
  readonly network?: boolean;
  run(ctx: ModuleContext, input: ModuleInput<P, M>): Promise<Bundle[]> | Bundle[];
}

/** Aggregators: the executor collects the mapped items of one feeder operation (per group) and calls `aggregate` once. */
export interface AggregatorModule<P = unknown, M = unknown> extends DefinitionBase<P, M> {
  readonly kind: 'aggregator';
  aggregate(ctx: ModuleContext, input: { readonly parameters: P; readonly items: readonly M[] }): Promise<Bundle> | Bundle;
}

/** Routers, if/else, merge and directives: declared for the catalog; the executor runs them itself. */
export interface ControlModule extends DefinitionBase<unknown, unknown> {
  readonly kind: 'router' | 'ifelse' | 'merge' | 'directive';
}

// Method parameters are bivariant in TypeScript, so a module of any input type fits `unknown` here.
export type ModuleDefinition = RunnableModule | AggregatorModule | ControlModule;

/** Declares a module; the identity function, there for inference and one place to hang checks. */
export function defineModule<P, M>(definition: RunnableModule<P, M>): RunnableModule<P, M>;
export function defineModule<P, M>(definition: AggregatorModule<P, M>): AggregatorModule<P, M>;
export function defineModule(definition: ControlModule): ControlModule;
export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}

/** `app:Name`, as blueprints write it. */
export function moduleType(definition: { readonly app: string; readonly name: string }): string {
  return `${definition.app}:${definition.name}`;
}
