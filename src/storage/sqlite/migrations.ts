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
  {
    version: 3,
    name: 'the server: API tokens, scenarios with blueprint versions, hooks and their queues, executions, data stores, data structures',
    sql: `
      CREATE TABLE api_tokens (
        token_hash TEXT PRIMARY KEY, -- SHA-256 of the token; the token itself is never stored
        label      TEXT NOT NULL,
        scopes     TEXT NOT NULL CHECK (json_valid(scopes)),
        created_at TEXT NOT NULL
      );

      CREATE TABLE scenarios (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id           INTEGER NOT NULL,
        name              TEXT NOT NULL,
        description       TEXT NOT NULL DEFAULT '',
        folder_id         INTEGER,
        hook_id           INTEGER,
        is_active         INTEGER NOT NULL DEFAULT 0,
        scheduling        TEXT NOT NULL CHECK (json_valid(scheduling)),
        interface         TEXT NOT NULL CHECK (json_valid(interface)),
        blueprint_version INTEGER NOT NULL,
        next_exec         TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      );

      CREATE TABLE scenario_blueprints (
        scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        blueprint   TEXT NOT NULL CHECK (json_valid(blueprint)),
        created_at  TEXT NOT NULL,
        PRIMARY KEY (scenario_id, version)
      );

      CREATE TABLE hooks (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        udid       TEXT NOT NULL UNIQUE,
        team_id    INTEGER NOT NULL,
        name       TEXT NOT NULL,
        type_name  TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        enabled    INTEGER NOT NULL DEFAULT 1,
        learning   INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );

      -- A hook's queue: every accepted request, written before the caller gets an answer.
      CREATE TABLE hook_incomings (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        hook_id     INTEGER NOT NULL REFERENCES hooks (id) ON DELETE CASCADE,
        request     TEXT NOT NULL CHECK (json_valid(request)),
        size        INTEGER NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE INDEX hook_incomings_by_hook ON hook_incomings (hook_id, id);

      CREATE TABLE executions (
        id          TEXT PRIMARY KEY,
        scenario_id INTEGER NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('running', 'success', 'warning', 'error')),
        type        TEXT NOT NULL, -- 'auto' (schedule, webhook), 'manual' (API run), 'retry' (incomplete execution)
        instant     INTEGER NOT NULL DEFAULT 0,
        incoming_id INTEGER, -- the hook queue item this run consumed
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        operations  INTEGER NOT NULL DEFAULT 0,
        transfer    INTEGER NOT NULL DEFAULT 0,
        report      TEXT CHECK (report IS NULL OR json_valid(report)) -- the run report with module inputs, when finished
      );
      CREATE INDEX executions_by_scenario ON executions (scenario_id, started_at);
      CREATE UNIQUE INDEX executions_by_incoming ON executions (incoming_id) WHERE incoming_id IS NOT NULL AND status <> 'running';

      CREATE TABLE data_stores (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id          INTEGER NOT NULL,
        name             TEXT NOT NULL,
        datastructure_id INTEGER,
        max_size_mb      INTEGER NOT NULL DEFAULT 1,
        created_at       TEXT NOT NULL
      );

      CREATE TABLE data_structures (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id    INTEGER NOT NULL,
        name       TEXT NOT NULL,
        spec       TEXT NOT NULL CHECK (json_valid(spec)),
        strict     INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );

      ALTER TABLE connections ADD COLUMN team_id INTEGER;
      ALTER TABLE connections ADD COLUMN kind TEXT NOT NULL DEFAULT 'connection'; -- 'connection' or 'key' (Make's keychain)
      ALTER TABLE incomplete_executions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incomplete_executions ADD COLUMN next_retry_at TEXT;
    `,
  },
  {
    version: 4,
    name: 'index scenarios by the hook they listen on',
    sql: `
      CREATE INDEX scenarios_by_hook ON scenarios (hook_id);
    `,
  },
  {
    version: 5,
    name: 'queue depth per hook kept by triggers, so intake checks the queue limit without counting rows',
    sql: `
      CREATE TABLE hook_queue_counts (
        hook_id INTEGER PRIMARY KEY,
        count   INTEGER NOT NULL
      );
      INSERT INTO hook_queue_counts (hook_id, count) SELECT hook_id, COUNT(*) FROM hook_incomings GROUP BY hook_id;
      CREATE TRIGGER hook_incomings_count_in AFTER INSERT ON hook_incomings BEGIN
        INSERT INTO hook_queue_counts (hook_id, count) VALUES (NEW.hook_id, 1) ON CONFLICT (hook_id) DO UPDATE SET count = count + 1;
      END;
      CREATE TRIGGER hook_incomings_count_out AFTER DELETE ON hook_incomings BEGIN
        UPDATE hook_queue_counts SET count = count - 1 WHERE hook_id = OLD.hook_id;
      END;
    `,
  },
  {
    version: 6,
    name: 'scenario folders, nested by parent, and scenarios indexed by folder',
    sql: `
      CREATE TABLE scenario_folders (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id    INTEGER NOT NULL,
        name       TEXT NOT NULL,
        parent_id  INTEGER, -- another folder of the team, or NULL for a top-level folder
        created_at TEXT NOT NULL
      );
      CREATE INDEX scenario_folders_by_team ON scenario_folders (team_id);
      CREATE INDEX scenarios_by_folder ON scenarios (folder_id);
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
