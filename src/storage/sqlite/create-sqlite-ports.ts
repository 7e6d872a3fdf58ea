// The executor's storage ports on one SQLite file: what the CLI (temporary file) and the server (data dir) use.
import type { ExecutorPorts } from '../../executor/ports.ts';
import { openDatabase } from './open-database.ts';
import { createSqliteDataStores } from './sqlite-data-stores.ts';
import { createSqliteIncompleteExecutions } from './sqlite-incomplete-executions.ts';
import { createSqliteState } from './sqlite-state.ts';

/** Options of {@link createSqlitePorts}. */
export interface SqlitePortsOptions {
  /** Clock for `updated_at` columns and migration stamps (STYLE.md rule 9). */
  readonly now?: () => Date;
  readonly busyTimeoutMs?: number;
}

/** Opens (creating and migrating when needed) `file` and returns the three ports over it; `close` releases the file. */
export function createSqlitePorts(file: string, options: SqlitePortsOptions = {}): ExecutorPorts & { close(): void } {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(file, { now, ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }) });
  return {
    dataStores: createSqliteDataStores(db, now),
    state: createSqliteState(db, now),
    incomplete: createSqliteIncompleteExecutions(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
