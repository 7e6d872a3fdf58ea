// ConnectionPort on SQLite: one row per connection or key, its secret `data` sealed with AES-256-GCM (secret-box.ts)
// and bound to the row id, so the file alone never reveals a password or token.
import type { Database } from 'better-sqlite3';
import type { ConnectionPort, ConnectionRecord } from '../../executor/ports.ts';
import { RemakeError } from '../../shared/errors.ts';
import { open, seal } from '../secret-box.ts';
import { recordFromJsonText } from './json-column.ts';

interface Row {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly data: string;
}

/** The associated data that ties a sealed `data` column to its row. */
function rowBinding(id: string): string {
  return `connections:${id}`;
}

/**
 * Connections kept in `db`, sealed with the key `key()` returns (asked for only when a connection is first
 * written or read, so runs that use none never create a key file). `list` is in id order.
 */
export function createSqliteConnections(db: Database, key: () => Buffer, now: () => Date): ConnectionPort {
  const upsert = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO connections (id, type, name, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, data = excluded.data, updated_at = excluded.updated_at`,
  );
  const selectOne = db.prepare<[string], Row>('SELECT id, type, name, data FROM connections WHERE id = ?');
  const selectAll = db.prepare<[], Row>('SELECT id, type, name, data FROM connections ORDER BY id');
  const remove = db.prepare<[string]>('DELETE FROM connections WHERE id = ?');

  function toRecord(row: Row): ConnectionRecord {
    let plaintext: string;
    try {
      plaintext = open(row.data, key(), rowBinding(row.id));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RemakeError(
        'CONNECTION_DECRYPT_FAILED',
        `Cannot decrypt connection '${row.id}' in ${db.name}: ${reason} Use the key it was saved with (REMAKE_SECRET_KEY or secret.key next to the database).`,
        {},
        { cause: error },
      );
    }
    return { id: row.id, type: row.type, name: row.name, data: recordFromJsonText(plaintext, `connections.data of '${row.id}'`) };
  }

  return {
    async save(record) {
      const at = now().toISOString();
      upsert.run(record.id, record.type, record.name, seal(JSON.stringify(record.data), key(), rowBinding(record.id)), at, at);
    },
    async get(id) {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    async list() {
      return selectAll.all().map(toRecord);
    },
    async remove(id) {
      return remove.run(id).changes > 0;
    },
  };
}
