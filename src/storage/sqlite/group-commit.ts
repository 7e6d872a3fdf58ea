// Group commit: writes asked for in the same turn of the event loop go to SQLite in one transaction, and each
// caller's promise resolves only after that transaction committed. Under load this turns N commits into one.
import type { Database } from 'better-sqlite3';

/**
 * Wraps a synchronous write. When a batch fails, its writes are retried one by one, so one bad write fails only its
 * own caller.
 */
export function groupCommit<A extends unknown[], R>(db: Database, write: (...args: A) => R): (...args: A) => Promise<R> {
  type Pending = { readonly args: A; resolve(value: R): void; reject(error: unknown): void };
  let pending: Pending[] = [];
  const writeAll = db.transaction((batch: Pending[]) => batch.map((item) => write(...item.args)));
  const writeOne = db.transaction((item: Pending) => write(...item.args));
  const flush = (): void => {
    const batch = pending;
    pending = [];
    let results: R[];
    try {
      results = writeAll(batch);
    } catch {
      for (const item of batch) {
        try {
          item.resolve(writeOne(item));
        } catch (error) {
          item.reject(error);
        }
      }
      return;
    }
    batch.forEach((item, index) => item.resolve(results[index] as R));
  };
  return (...args) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ args, resolve, reject });
      if (pending.length === 1) setImmediate(flush);
    });
}
