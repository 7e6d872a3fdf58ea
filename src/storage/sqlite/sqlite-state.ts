// StatePort on SQLite: named values per scope (Increment counters and the like) in `state_values`, as JSON text.
import type { Database } from 'better-sqlite3';
import type { StatePort } from '../../executor/ports.ts';
import { fromJsonText, toJsonText } from './json-column.ts';

/** State kept in `db`. A missing value reads as `undefined`; setting `undefined` stores `null`. */
export function createSqliteState(db: Database, now: () => Date = () => new Date()): StatePort {
  const select = db.prepare<[string, string], string>('SELECT value FROM state_values WHERE scope = ? AND name = ?').pluck();
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO state_values (scope, name, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (scope, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  return {
    async get(scope, name) {
      const text = select.get(scope, name);
      return text === undefined ? undefined : fromJsonText(text, 'state_values.value');
    },
    async set(scope, name, value) {
      upsert.run(scope, name, toJsonText(value), now().toISOString());
    },
  };
}
