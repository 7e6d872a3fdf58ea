// What the server keeps besides the executor's ports: API tokens, scenarios with blueprint versions and their folders,
// hooks and their queues, executions with their run reports, data stores and data structures. Adapters: sqlite/ (Postgres later).
import type { RunReport } from '../executor/run-report.ts';
import type { WebhookRequest } from '../executor/module-api.ts';
import type { RunWrites } from './run-writes.ts';

/** Make's scheduling object (MAKE-API.md §1.4), kept as given after validation by the API layer. */
export type Scheduling = Readonly<Record<string, unknown>> & { readonly type: string };

/** A scenario interface: the input and output specs (Make's data-structure field specs). */
export interface ScenarioInterface {
  readonly input: readonly Record<string, unknown>[];
  readonly output: readonly Record<string, unknown>[];
}

export interface ScenarioRecord {
  readonly id: number;
  readonly teamId: number;
  readonly name: string;
  readonly description: string;
  readonly folderId: number | null;
  /** The hook of its webhook trigger, when its first module is one. */
  readonly hookId: number | null;
  readonly isActive: boolean;
  readonly scheduling: Scheduling;
  readonly interface: ScenarioInterface;
  /** The version number of the current blueprint. */
  readonly blueprintVersion: number;
  readonly nextExec: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewScenario {
  readonly teamId: number;
  readonly name: string;
  readonly description?: string;
  readonly folderId?: number | null;
  readonly hookId: number | null;
  readonly scheduling: Scheduling;
  readonly interface: ScenarioInterface;
  readonly blueprint: unknown;
}

export type ScenarioChanges = Partial<Pick<ScenarioRecord, 'name' | 'description' | 'folderId' | 'hookId' | 'isActive' | 'scheduling' | 'interface' | 'nextExec'>> & {
  /** A new blueprint becomes the next version. */
  readonly blueprint?: unknown;
};

export interface BlueprintVersion {
  readonly scenarioId: number;
  readonly version: number;
  readonly blueprint: unknown;
  readonly createdAt: string;
}

export interface ScenarioStore {
  create(scenario: NewScenario): Promise<ScenarioRecord>;
  get(id: number): Promise<ScenarioRecord | undefined>;
  /** Every scenario of the team (all teams when absent), by id. */
  list(teamId?: number): Promise<ScenarioRecord[]>;
  update(id: number, changes: ScenarioChanges): Promise<ScenarioRecord | undefined>;
  remove(id: number): Promise<boolean>;
  /** The current blueprint, or the given version. */
  blueprint(id: number, version?: number): Promise<BlueprintVersion | undefined>;
  versions(id: number): Promise<BlueprintVersion[]>;
  /** The scenario whose trigger listens on the hook. */
  byHook(hookId: number): Promise<ScenarioRecord | undefined>;
}

/** Options of a custom webhook (Make's hook `data`): headers and method in the bundle, JSON pass-through, … */
export type HookData = Readonly<Record<string, unknown>>;

export interface HookRecord {
  readonly id: number;
  /** 32 characters [a-z0-9]: the hook's URL path. */
  readonly udid: string;
  readonly teamId: number;
  readonly name: string;
  readonly typeName: string;
  readonly data: HookData;
  readonly enabled: boolean;
  readonly learning: boolean;
  readonly createdAt: string;
}

export interface NewHook {
  readonly udid: string;
  readonly teamId: number;
  readonly name: string;
  readonly typeName: string;
  readonly data: HookData;
}

export interface HookStore {
  create(hook: NewHook): Promise<HookRecord>;
  get(id: number): Promise<HookRecord | undefined>;
  byUdid(udid: string): Promise<HookRecord | undefined>;
  list(teamId?: number): Promise<HookRecord[]>;
  update(id: number, changes: Partial<Pick<HookRecord, 'name' | 'data' | 'enabled' | 'learning'>>): Promise<HookRecord | undefined>;
  remove(id: number): Promise<boolean>;
}

/** One request waiting in a hook's queue. */
export interface IncomingRecord {
  readonly id: number;
  readonly hookId: number;
  readonly request: WebhookRequest;
  /** Body size in bytes. */
  readonly size: number;
  readonly receivedAt: string;
}

export interface HookQueueStore {
  /** Appends the request; durable when the promise resolves (the caller may then be answered). */
  push(hookId: number, request: WebhookRequest, size: number, receivedAt: string): Promise<IncomingRecord>;
  /** The oldest waiting items of the hook, oldest first, leaving out `exclude` (items already being run). */
  peek(hookId: number, limit: number, exclude?: readonly number[]): Promise<IncomingRecord[]>;
  get(id: number): Promise<IncomingRecord | undefined>;
  count(hookId: number): Promise<number>;
  /** Removes items; `all` clears the hook's queue. Returns how many went. */
  remove(hookId: number, ids: readonly number[] | 'all'): Promise<number>;
  /** Hooks that have waiting items, with how many. */
  depths(): Promise<{ hookId: number; count: number }[]>;
}

export type ExecutionStatus = 'running' | 'success' | 'warning' | 'error';

/** The run report as the server keeps it: every module's input bundles too (what a run inspector shows). */
export type StoredReport = RunReport & { readonly inputs?: Readonly<Record<string, unknown[]>> };

export interface ExecutionRecord {
  readonly id: string;
  readonly scenarioId: number;
  readonly status: ExecutionStatus;
  /** 'auto' (schedule or webhook), 'manual' (API or MCP run), 'retry' (an incomplete execution retried). */
  readonly type: 'auto' | 'manual' | 'retry';
  readonly instant: boolean;
  readonly incomingId: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly operations: number;
  readonly transfer: number;
  readonly report: StoredReport | null;
}

export interface ExecutionStore {
  /** Records a run that has started (status `running`). */
  start(execution: Pick<ExecutionRecord, 'id' | 'scenarioId' | 'type' | 'instant' | 'incomingId' | 'startedAt'>): Promise<void>;
  /**
   * Records the end of a run and, in the same transaction, applies the run's buffered data store, state and
   * incomplete-execution writes and removes the queue item it consumed: a request is either still queued with no
   * effects stored, or has exactly one finished execution (the crash guarantee of `remake serve`).
   */
  finish(id: string, end: Pick<ExecutionRecord, 'status' | 'finishedAt' | 'operations' | 'transfer' | 'report'>, writes?: RunWrites): Promise<void>;
  get(id: string): Promise<ExecutionRecord | undefined>;
  /** The scenario's executions, newest first. */
  list(scenarioId: number, options?: { readonly limit?: number; readonly offset?: number; readonly status?: ExecutionStatus }): Promise<ExecutionRecord[]>;
  /** Marks runs left `running` by a stopped server as errors; returns their ids. */
  abandonRunning(finishedAt: string, message: string): Promise<string[]>;
  /** Deletes finished executions that ended before `before`; returns how many. */
  prune(before: string): Promise<number>;
}

export interface DataStoreRecordMeta {
  readonly id: number;
  readonly teamId: number;
  readonly name: string;
  readonly datastructureId: number | null;
  readonly maxSizeMB: number;
  readonly createdAt: string;
}

export interface DataStoreMetaStore {
  create(store: Omit<DataStoreRecordMeta, 'id' | 'createdAt'>): Promise<DataStoreRecordMeta>;
  get(id: number): Promise<DataStoreRecordMeta | undefined>;
  list(teamId?: number): Promise<DataStoreRecordMeta[]>;
  update(id: number, changes: Partial<Pick<DataStoreRecordMeta, 'name' | 'datastructureId' | 'maxSizeMB'>>): Promise<DataStoreRecordMeta | undefined>;
  /** Removes the store and its records. */
  remove(id: number): Promise<boolean>;
}

export interface DataStructureRecord {
  readonly id: number;
  readonly teamId: number;
  readonly name: string;
  readonly spec: readonly Record<string, unknown>[];
  readonly strict: boolean;
  readonly createdAt: string;
}

export interface DataStructureStore {
  create(structure: Omit<DataStructureRecord, 'id' | 'createdAt'>): Promise<DataStructureRecord>;
  get(id: number): Promise<DataStructureRecord | undefined>;
  list(teamId?: number): Promise<DataStructureRecord[]>;
  update(id: number, changes: Partial<Pick<DataStructureRecord, 'name' | 'spec' | 'strict'>>): Promise<DataStructureRecord | undefined>;
  remove(id: number): Promise<boolean>;
}

/** A scenario folder of a team; `parentId` nests it in another folder of the team (null: a top-level folder). */
export interface FolderRecord {
  readonly id: number;
  readonly teamId: number;
  readonly name: string;
  readonly parentId: number | null;
  readonly createdAt: string;
}

export interface FolderStore {
  create(folder: Omit<FolderRecord, 'id' | 'createdAt'>): Promise<FolderRecord>;
  get(id: number): Promise<FolderRecord | undefined>;
  /** Every folder of the team (all teams when absent), by id. */
  list(teamId?: number): Promise<FolderRecord[]>;
  update(id: number, changes: Partial<Pick<FolderRecord, 'name' | 'parentId'>>): Promise<FolderRecord | undefined>;
  /** Removes the folder only; callers keep the tree whole (the API refuses to delete a folder that holds anything). */
  remove(id: number): Promise<boolean>;
}

export interface ApiTokenRecord {
  readonly label: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
}

export interface ApiTokenStore {
  /** Stores the token's hash with its scopes. */
  add(token: string, record: ApiTokenRecord): Promise<void>;
  /** The token's record, when the token is known. */
  find(token: string): Promise<ApiTokenRecord | undefined>;
  count(): Promise<number>;
}

/** Everything `remake serve` stores. */
export interface ServerStore {
  readonly tokens: ApiTokenStore;
  readonly scenarios: ScenarioStore;
  readonly folders: FolderStore;
  readonly hooks: HookStore;
  readonly queue: HookQueueStore;
  readonly executions: ExecutionStore;
  readonly dataStoreMeta: DataStoreMetaStore;
  readonly dataStructures: DataStructureStore;
}
