// Joins a data store write to the cycle's transaction (SEMANTICS.md rules 5, 81, 108: data store modules are
// ACID): the rollback step puts back what the records held before the write.
import type { ModuleContext } from '../../executor/module-api.ts';
import type { DataRecord } from '../../executor/ports.ts';

/** A record as it was before a write; `undefined` when the key did not exist. */
export interface PreviousRecord {
  readonly key: string;
  readonly data: DataRecord | undefined;
}

/**
 * Registers the undo of a write that already happened. Commit has nothing to do (the write is stored);
 * rollback restores each previous record, deleting keys that did not exist.
 */
export function joinTransaction(ctx: ModuleContext, storeId: string, previous: readonly PreviousRecord[]): void {
  ctx.transaction({
    commit() {},
    rollback: async () => {
      for (const { key, data } of previous) {
        if (data === undefined) await ctx.dataStores.delete(storeId, key);
        else await ctx.dataStores.put(storeId, key, data);
      }
    },
  });
}
