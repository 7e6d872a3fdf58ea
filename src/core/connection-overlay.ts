// Connections given to one run (`remake run --connections`) laid over the data dir's store: their ids are served
// from memory, and saves to them (refreshed OAuth tokens) stay in memory, so a run never writes those secrets to disk.
import type { ConnectionPort, ConnectionRecord } from '../executor/ports.ts';

/**
 * A ConnectionPort reading `records` first and falling through to `base` for other ids. `save` and `remove` of an
 * id from `records` change only the in-memory copy (a removed one stays hidden, not revealed from `base`);
 * other ids go to `base`. `list` merges both, the overlay winning, in id order.
 */
export function createConnectionOverlay(base: ConnectionPort, records: readonly ConnectionRecord[]): ConnectionPort {
  // null marks an overlay id removed during the run.
  const memory = new Map<string, ConnectionRecord | null>(records.map((record) => [record.id, record]));
  return {
    async get(id) {
      if (memory.has(id)) return memory.get(id) ?? undefined;
      return base.get(id);
    },
    async list() {
      const merged = new Map<string, ConnectionRecord>();
      for (const record of await base.list()) if (!memory.has(record.id)) merged.set(record.id, record);
      for (const record of memory.values()) if (record) merged.set(record.id, record);
      return [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async save(record) {
      if (memory.has(record.id)) memory.set(record.id, record);
      else await base.save(record);
    },
    async remove(id) {
      if (!memory.has(id)) return base.remove(id);
      const existed = memory.get(id) !== null;
      memory.set(id, null);
      return existed;
    },
  };
}
