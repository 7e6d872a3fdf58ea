// Opens (or creates) the SQLite file behind the storage ports: WAL journal, foreign keys on, a busy timeout
// so a second process waits for a lock instead of failing, and the schema migrated to the latest version.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.ts';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** How long a statement waits for another connection's lock, in milliseconds. */
  readonly busyTimeoutMs?: number;
  /** Clock for `applied_at` of migrations. */
  readonly now?: () => Date;
}

/** Opens `file` (creating it and its folder when missing), sets the pragmas and runs pending migrations. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL skips the fsync per commit; a commit still survives the process being killed (the server's
    // crash guarantee), only a power loss or OS crash may take back the last commits (sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    migrate(db, undefined, options.now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
