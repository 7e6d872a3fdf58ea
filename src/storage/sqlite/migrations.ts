// The SQLite schema as an ordered list of migrations, each applied once and recorded in `schema_migrations`.
// Append new migrations at the end; never edit one that has shipped.
import type { Database } from 'better-sqlite3';

/** One schema change: applied in `version` order inside its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration of the SQLite store, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'data stores, state values and incomplete executions',
    sql: `
      CREATE TABLE data_store_records (
        store_id   TEXT NOT NULL,
        key        TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (store_id, key)
      ) WITHOUT ROWID;

      CREATE TABLE state_values (
        scope      TEXT NOT NULL,
        name       TEXT NOT NULL,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (scope, name)
      ) WITHOUT ROWID;

      CREATE TABLE incomplete_executions (
        id           TEXT PRIMARY KEY,
        scenario     TEXT NOT NULL,
        execution_id TEXT NOT NULL,
        module_id    INTEGER NOT NULL,
        error        TEXT NOT NULL CHECK (json_valid(error)),
        scope        TEXT NOT NULL CHECK (json_valid(scope)),
        blueprint    TEXT NOT NULL CHECK (json_valid(blueprint)),
        retry        TEXT NOT NULL CHECK (json_valid(retry)),
        created_at   TEXT NOT NULL
      );
      CREATE INDEX incomplete_executions_by_scenario ON incomplete_executions (scenario, created_at);
    `,
  },
  {
    version: 2,
    name: 'connections and keys, data sealed with the secret key',
    sql: `
      CREATE TABLE connections (
        id         TEXT PRIMARY KEY,
        type       TEXT NOT NULL,
        name       TEXT NOT NULL,
        data       TEXT NOT NULL, -- sealed JSON (secret-box.ts), never plain text
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];

/**
 * Applies the migrations `db` has not recorded yet, each in its own transaction, and returns their versions
 * (empty when the schema is up to date).
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(db.prepare<[], number>('SELECT version FROM schema_migrations').pluck().all());
  const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
    })();
    done.push(migration.version);
  }
  return done;
}
