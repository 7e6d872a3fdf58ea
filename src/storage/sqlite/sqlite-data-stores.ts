// DataStorePort on SQLite: one row per (store, key) in `data_store_records`, the record's fields as JSON text.
import type { Database } from 'better-sqlite3';
import type { DataRecord, DataStorePort } from '../../executor/ports.ts';
import { recordFromJsonText, toJsonText } from './json-column.ts';

/** Synchronous record writes, for callers that write inside a transaction of their own (an execution's end). */
export interface DataStoreWriter {
  put(storeId: string, key: string, data: DataRecord): void;
  delete(storeId: string, key: string): boolean;
}

/** The statements that change `data_store_records`. */
export function sqliteDataStoreWriter(db: Database, now: () => Date = () => new Date()): DataStoreWriter {
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO data_store_records (store_id, key, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (store_id, key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM data_store_records WHERE store_id = ? AND key = ?');
  return {
    put: (storeId, key, data) => void upsert.run(storeId, key, toJsonText(data), now().toISOString()),
    delete: (storeId, key) => remove.run(storeId, key).changes > 0,
  };
}

/**
 * Data stores kept in `db`. Methods are async to match the port (Postgres implements the same one), though
 * better-sqlite3 answers synchronously. `list` orders keys by SQLite's BINARY collation (UTF-8 byte order).
 */
export function createSqliteDataStores(db: Database, now: () => Date = () => new Date()): DataStorePort {
  const select = db.prepare<[string, string], string>('SELECT data FROM data_store_records WHERE store_id = ? AND key = ?').pluck();
  const writer = sqliteDataStoreWriter(db, now);
  const selectAll = db.prepare<[string], { key: string; data: string }>('SELECT key, data FROM data_store_records WHERE store_id = ? ORDER BY key');
  const countAll = db.prepare<[string], number>('SELECT COUNT(*) FROM data_store_records WHERE store_id = ?').pluck();

  return {
    async get(storeId, key) {
      const text = select.get(storeId, key);
      return text === undefined ? undefined : recordFromJsonText(text, 'data_store_records.data');
    },
    async put(storeId, key, data: DataRecord) {
      writer.put(storeId, key, data);
    },
    async delete(storeId, key) {
      return writer.delete(storeId, key);
    },
    async list(storeId) {
      return selectAll.all(storeId).map((row) => ({ key: row.key, data: recordFromJsonText(row.data, 'data_store_records.data') }));
    },
    async count(storeId) {
      return countAll.get(storeId) ?? 0;
    },
  };
}
