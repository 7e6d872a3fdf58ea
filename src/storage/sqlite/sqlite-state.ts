// StatePort on SQLite: named values per scope (Increment counters and the like) in `state_values`, as JSON text.
import type { Database } from 'better-sqlite3';
import type { StatePort } from '../../executor/ports.ts';
import { fromJsonText, toJsonText } from './json-column.ts';

/** The statement that sets a state value, synchronous, for callers inside a transaction of their own. */
export function sqliteStateWriter(db: Database, now: () => Date = () => new Date()): (scope: string, name: string, value: unknown) => void {
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO state_values (scope, name, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (scope, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return (scope, name, value) => void upsert.run(scope, name, toJsonText(value), now().toISOString());
}

/** State kept in `db`. A missing value reads as `undefined`; setting `undefined` stores `null`. */
export function createSqliteState(db: Database, now: () => Date = () => new Date()): StatePort {
  const select = db.prepare<[string, string], string>('SELECT value FROM state_values WHERE scope = ? AND name = ?').pluck();
  const write = sqliteStateWriter(db, now);

  return {
    async get(scope, name) {
      const text = select.get(scope, name);
      return text === undefined ? undefined : fromJsonText(text, 'state_values.value');
    },
    async set(scope, name, value) {
      write(scope, name, value);
    },
  };
}
