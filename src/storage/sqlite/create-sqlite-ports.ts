// The executor's storage ports on one SQLite file: what the CLI (temporary file) and the server (data dir) use.
import type { Database } from 'better-sqlite3';
import type { ExecutorPorts } from '../../executor/ports.ts';
import { openDatabase } from './open-database.ts';
import { resolveSecretKey } from './secret-key.ts';
import { createSqliteConnections } from './sqlite-connections.ts';
import { createSqliteDataStores } from './sqlite-data-stores.ts';
import { createSqliteIncompleteExecutions } from './sqlite-incomplete-executions.ts';
import { createSqliteState } from './sqlite-state.ts';

/** Options of {@link createSqlitePorts}. */
export interface SqlitePortsOptions {
  /** Clock for `updated_at` columns and migration stamps (STYLE.md rule 9). */
  readonly now?: () => Date;
  readonly busyTimeoutMs?: number;
  /**
   * The 32-byte key sealing connection data. When not given it is resolved on first use from REMAKE_SECRET_KEY
   * in `env`, or else from `secret.key` next to the file (created when missing).
   */
  readonly secretKey?: Buffer;
  /** Where REMAKE_SECRET_KEY is read from; `process.env` when not given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Opens (creating and migrating when needed) `file` with the options' clock and busy timeout. */
export function openSqliteFile(file: string, options: SqlitePortsOptions): Database {
  return openDatabase(file, {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
}

/** The executor's ports over an open `db`; `file` is where secret.key is looked for when no key is given. */
export function createSqlitePortsOn(db: Database, file: string, options: SqlitePortsOptions = {}): ExecutorPorts {
  const now = options.now ?? (() => new Date());
  let secretKey = options.secretKey;
  const key = (): Buffer => {
    secretKey ??= resolveSecretKey({ databaseFile: file, ...(options.env === undefined ? {} : { env: options.env }) });
    return secretKey;
  };
  return {
    dataStores: createSqliteDataStores(db, now),
    state: createSqliteState(db, now),
    incomplete: createSqliteIncompleteExecutions(db),
    connections: createSqliteConnections(db, key, now),
  };
}

/** Opens (creating and migrating when needed) `file` and returns the ports over it; `close` releases the file. */
export function createSqlitePorts(file: string, options: SqlitePortsOptions = {}): ExecutorPorts & { close(): void } {
  const db = openSqliteFile(file, options);
  return {
    ...createSqlitePortsOn(db, file, options),
    close: () => {
      if (db.open) db.close();
    },
  };
}
