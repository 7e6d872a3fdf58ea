// DataStoreMetaStore on SQLite: what the server knows of each data store (name, structure, size limit) in
// `data_stores`; the records themselves live in `data_store_records` under the store id as text (sqlite-data-stores.ts).
import type { Database } from 'better-sqlite3';
import { InternalError } from '../../shared/errors.ts';
import type { DataStoreMetaStore, DataStoreRecordMeta } from '../server-ports.ts';

interface Row {
  readonly id: number;
  readonly team_id: number;
  readonly name: string;
  readonly datastructure_id: number | null;
  readonly max_size_mb: number;
  readonly created_at: string;
}

function toRecord(row: Row): DataStoreRecordMeta {
  return { id: row.id, teamId: row.team_id, name: row.name, datastructureId: row.datastructure_id, maxSizeMB: row.max_size_mb, createdAt: row.created_at };
}

/** Data store descriptions kept in `db`, listed by id. Removing a store removes its records in the same transaction. */
export function createSqliteDataStoreMeta(db: Database, now: () => Date = () => new Date()): DataStoreMetaStore {
  const columns = 'id, team_id, name, datastructure_id, max_size_mb, created_at';
  const insert = db.prepare<[number, string, number | null, number, string]>(
    'INSERT INTO data_stores (team_id, name, datastructure_id, max_size_mb, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const write = db.prepare<[string, number | null, number, number]>('UPDATE data_stores SET name = ?, datastructure_id = ?, max_size_mb = ? WHERE id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM data_stores WHERE id = ?');
  const deleteRecords = db.prepare<[string]>('DELETE FROM data_store_records WHERE store_id = ?');
  const selectOne = db.prepare<[number], Row>(`SELECT ${columns} FROM data_stores WHERE id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM data_stores ORDER BY id`);
  const selectByTeam = db.prepare<[number], Row>(`SELECT ${columns} FROM data_stores WHERE team_id = ? ORDER BY id`);

  const get = (id: number): DataStoreRecordMeta | undefined => {
    const row = selectOne.get(id);
    return row === undefined ? undefined : toRecord(row);
  };

  const update = db.transaction((id: number, changes: Parameters<DataStoreMetaStore['update']>[1]): DataStoreRecordMeta | undefined => {
    const current = get(id);
    if (current === undefined) return undefined;
    const datastructureId = changes.datastructureId === undefined ? current.datastructureId : changes.datastructureId;
    write.run(changes.name ?? current.name, datastructureId, changes.maxSizeMB ?? current.maxSizeMB, id);
    return get(id);
  });

  const remove = db.transaction((id: number): boolean => {
    // Records are keyed by the store id as text, as the executor's DataStorePort names stores.
    deleteRecords.run(String(id));
    return deleteOne.run(id).changes > 0;
  });

  return {
    async create(store) {
      const { lastInsertRowid } = insert.run(store.teamId, store.name, store.datastructureId, store.maxSizeMB, now().toISOString());
      const created = get(Number(lastInsertRowid));
      if (created === undefined) throw new InternalError('A data store just inserted cannot be read back.');
      return created;
    },
    async get(id) {
      return get(id);
    },
    async list(teamId) {
      return (teamId === undefined ? selectAll.all() : selectByTeam.all(teamId)).map(toRecord);
    },
    async update(id, changes) {
      return update(id, changes);
    },
    async remove(id) {
      return remove(id);
    },
  };
}
