// A run's data store, state and incomplete-execution writes held back until its execution is recorded, so
// `remake serve` stores them in one transaction: after a crash a webhook request is either still queued with no
// trace, or ran exactly once.
import type { DataRecord, DataStorePort, ExecutorPorts, IncompleteExecutionPort, IncompleteExecutionRecord, StatePort } from '../executor/ports.ts';

/** What a run wrote, in order; `data: null` deletes the record. */
export interface RunWrites {
  readonly dataStores: readonly { readonly storeId: string; readonly key: string; readonly data: DataRecord | null }[];
  readonly state: readonly { readonly scope: string; readonly name: string; readonly value: unknown }[];
  /** Incomplete executions the run stored (saving an id again replaces it). */
  readonly incomplete?: readonly IncompleteExecutionRecord[];
}

export interface BufferedPorts {
  /** The ports the run uses: reads see the run's own writes first, writes stay here. */
  readonly ports: ExecutorPorts;
  /** The writes to apply when the execution is recorded. */
  writes(): RunWrites;
}

/** Ports over `base` whose data store, state and incomplete-execution writes are buffered (connections pass through). */
export function bufferWrites(base: ExecutorPorts): BufferedPorts {
  const records = new Map<string, Map<string, DataRecord | null>>();
  const values = new Map<string, unknown>();
  const dataLog: { storeId: string; key: string; data: DataRecord | null }[] = [];
  const stateLog: { scope: string; name: string; value: unknown }[] = [];
  const pending = (storeId: string): Map<string, DataRecord | null> => {
    let store = records.get(storeId);
    if (!store) records.set(storeId, (store = new Map()));
    return store;
  };

  const dataStores: DataStorePort = {
    async get(storeId, key) {
      const own = records.get(storeId);
      if (own?.has(key)) return own.get(key) ?? undefined;
      return base.dataStores.get(storeId, key);
    },
    async put(storeId, key, data) {
      pending(storeId).set(key, data);
      dataLog.push({ storeId, key, data });
    },
    async delete(storeId, key) {
      const existed = (await dataStores.get(storeId, key)) !== undefined;
      pending(storeId).set(key, null);
      dataLog.push({ storeId, key, data: null });
      return existed;
    },
    async list(storeId) {
      const merged = new Map((await base.dataStores.list(storeId)).map((record) => [record.key, record.data] as const));
      for (const [key, data] of records.get(storeId) ?? []) {
        if (data === null) merged.delete(key);
        else merged.set(key, data);
      }
      // Same order as the adapters: keys by UTF-8 byte order.
      return [...merged].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map(([key, data]) => ({ key, data }));
    },
    async count(storeId) {
      return (await dataStores.list(storeId)).length;
    },
  };

  const state: StatePort = {
    async get(scope, name) {
      const id = JSON.stringify([scope, name]);
      return values.has(id) ? values.get(id) : base.state.get(scope, name);
    },
    async set(scope, name, value) {
      values.set(JSON.stringify([scope, name]), value);
      stateLog.push({ scope, name, value });
    },
  };

  const saved = new Map<string, IncompleteExecutionRecord>();
  const incomplete: IncompleteExecutionPort = {
    async save(record) {
      saved.set(record.id, record);
    },
    async list(scenario) {
      const own = [...saved.values()].filter((record) => scenario === undefined || record.scenario === scenario);
      const stored = (await base.incomplete.list(scenario)).filter((record) => !saved.has(record.id));
      return [...stored, ...own];
    },
    async get(id) {
      return saved.get(id) ?? base.incomplete.get(id);
    },
    async remove(id) {
      const own = saved.delete(id);
      return (await base.incomplete.remove(id)) || own;
    },
  };

  return {
    ports: { ...base, dataStores, state, incomplete },
    writes: () => ({ dataStores: [...dataLog], state: [...stateLog], incomplete: [...saved.values()] }),
  };
}
