// What the executor needs from the outside world, as plain interfaces (ARCHITECTURE.md: ports, not globals).
// storage/ implements them on SQLite (and later Postgres); the executor knows nothing about SQL.

/** A record's fields, as a data store keeps them. */
export type DataRecord = Record<string, unknown>;

/** Data stores: keyed tables shared by scenarios (SEMANTICS.md §12). Store ids are Make's numeric ids as text. */
export interface DataStorePort {
  get(storeId: string, key: string): Promise<DataRecord | undefined>;
  /** Inserts or replaces the record under `key`. */
  put(storeId: string, key: string, data: DataRecord): Promise<void>;
  /** Removes the record; true when it existed. */
  delete(storeId: string, key: string): Promise<boolean>;
  /** Every record of the store, in key order. */
  list(storeId: string): Promise<{ key: string; data: DataRecord }[]>;
  count(storeId: string): Promise<number>;
}

/** Values that outlive one run: execution-scoped counters such as Increment's "never reset" (rule 71). */
export interface StatePort {
  get(scope: string, name: string): Promise<unknown>;
  set(scope: string, name: string, value: unknown): Promise<void>;
}

/** An incomplete execution as stored (SEMANTICS.md §9). */
export interface IncompleteExecutionRecord {
  readonly id: string;
  readonly scenario: string;
  readonly executionId: string;
  readonly moduleId: number;
  readonly error: { readonly type: string; readonly message: string };
  /** Bundles of the modules mappable at the failed module, by module id: what a retry resumes from. */
  readonly scope: Readonly<Record<string, unknown>>;
  /** The blueprint the run used. */
  readonly blueprint: unknown;
  /** Break's automatic completion, or the retry schedule of a retryable error type. */
  readonly retry: { readonly enabled: boolean; readonly attempts: number; readonly intervalMinutes: number } | null;
  readonly createdAt: string;
  /** Retries made so far, automatic or manual (the API's `attempts`); 0 when absent. */
  readonly attempts?: number;
  /** When the server's retry loop next retries it (ISO 8601); null or absent when no automatic retry is due. */
  readonly nextRetryAt?: string | null;
}

export interface IncompleteExecutionPort {
  save(record: IncompleteExecutionRecord): Promise<void>;
  list(scenario?: string): Promise<IncompleteExecutionRecord[]>;
  get(id: string): Promise<IncompleteExecutionRecord | undefined>;
  remove(id: string): Promise<boolean>;
}

/**
 * A connection or key (Make's keychain), with its secret data decrypted. Blueprints refer to it by Make's numeric
 * id as text: `parameters.__IMTCONN__`, or the HTTP app's keychain fields (`auth`, `apiKeyKeychain`, …).
 */
export interface ConnectionRecord {
  readonly id: string;
  /** `basic` ({username, password}), `apiKey` ({key, placement: 'header'|'query', name}), `oauth2` ({grantType,
   * tokenUrl, clientId, clientSecret, scope?, accessToken?, refreshToken?, expiresAt?}), `certificate` ({cert, key, ca?, passphrase?}). */
  readonly type: string;
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Connections and keys; stored encrypted at rest by the adapters. */
export interface ConnectionPort {
  get(id: string): Promise<ConnectionRecord | undefined>;
  list(): Promise<ConnectionRecord[]>;
  /** Inserts or replaces (OAuth 2.0 modules save refreshed tokens this way). */
  save(record: ConnectionRecord): Promise<void>;
  remove(id: string): Promise<boolean>;
}

/** Everything a run reads and writes outside itself. */
export interface ExecutorPorts {
  readonly dataStores: DataStorePort;
  readonly state: StatePort;
  readonly incomplete: IncompleteExecutionPort;
  readonly connections: ConnectionPort;
}
