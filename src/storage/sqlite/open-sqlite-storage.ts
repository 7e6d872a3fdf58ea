// What `remake serve` opens: the executor's ports and the server store on ONE SQLite file, so a run's data store
// writes and its execution record share a database (and, where they need it, a transaction).
import type { ExecutorPorts } from '../../executor/ports.ts';
import type { ServerStore } from '../server-ports.ts';
import { createSqlitePortsOn, openSqliteFile, type SqlitePortsOptions } from './create-sqlite-ports.ts';
import { createSqliteServerStore } from './create-sqlite-server-store.ts';

/** The executor's ports and the server store over one open file; `close` releases the file (twice is harmless). */
export interface SqliteStorage {
  readonly ports: ExecutorPorts;
  readonly server: ServerStore;
  close(): void;
}

/** Opens (creating and migrating when needed) `file` and returns both stores over it. */
export function openSqliteStorage(file: string, options: SqlitePortsOptions = {}): SqliteStorage {
  const db = openSqliteFile(file, options);
  return {
    ports: createSqlitePortsOn(db, file, options),
    server: createSqliteServerStore(db, options.now ?? (() => new Date())),
    close: () => {
      if (db.open) db.close();
    },
  };
}
