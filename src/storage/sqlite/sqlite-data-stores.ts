// DataStorePort on SQLite: one row per (store, key) in `data_store_records`, the record's fields as JSON text.
import type { Database } from 'better-sqlite3';
import type { DataRecord, DataStorePort } from '../../executor/ports.ts';
import { recordFromJsonText, toJsonText } from './json-column.ts';

/**
 * Data stores kept in `db`. Methods are async to match the port (Postgres implements the same one), though
 * better-sqlite3 answers synchronously. `list` orders keys by SQLite's BINARY collation (UTF-8 byte order).
 */
export function createSqliteDataStores(db: Database, now: () => Date = () => new Date()): DataStorePort {
  const select = db.prepare<[string, string], string>('SELECT data FROM data_store_records WHERE store_id = ? AND key = ?').pluck();
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO data_store_records (store_id, key, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (store_id, key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM data_store_records WHERE store_id = ? AND key = ?');
  const selectAll = db.prepare<[string], { key: string; data: string }>('SELECT key, data FROM data_store_records WHERE store_id = ? ORDER BY key');
  const countAll = db.prepare<[string], number>('SELECT COUNT(*) FROM data_store_records WHERE store_id = ?').pluck();

  return {
    async get(storeId, key) {
      const text = select.get(storeId, key);
      return text === undefined ? undefined : recordFromJsonText(text, 'data_store_records.data');
    },
    async put(storeId, key, data: DataRecord) {
      upsert.run(storeId, key, toJsonText(data), now().toISOString());
    },
    async delete(storeId, key) {
      return remove.run(storeId, key).changes > 0;
    },
    async list(storeId) {
      return selectAll.all(storeId).map((row) => ({ key: row.key, data: recordFromJsonText(row.data, 'data_store_records.data') }));
    },
    async count(storeId) {
      return countAll.get(storeId) ?? 0;
    },
  };
}
