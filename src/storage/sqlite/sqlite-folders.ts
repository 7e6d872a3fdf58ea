// FolderStore on SQLite: one row per scenario folder in `scenario_folders` (migration 6), nested by `parent_id`.
import type { Database } from 'better-sqlite3';
import { InternalError } from '../../shared/errors.ts';
import type { FolderRecord, FolderStore } from '../server-ports.ts';

interface Row {
  readonly id: number;
  readonly team_id: number;
  readonly name: string;
  readonly parent_id: number | null;
  readonly created_at: string;
}

function toRecord(row: Row): FolderRecord {
  return { id: row.id, teamId: row.team_id, name: row.name, parentId: row.parent_id, createdAt: row.created_at };
}

/** Scenario folders kept in `db`, listed by id. */
export function createSqliteFolders(db: Database, now: () => Date = () => new Date()): FolderStore {
  const columns = 'id, team_id, name, parent_id, created_at';
  const insert = db.prepare<[number, string, number | null, string]>('INSERT INTO scenario_folders (team_id, name, parent_id, created_at) VALUES (?, ?, ?, ?)');
  const write = db.prepare<[string, number | null, number]>('UPDATE scenario_folders SET name = ?, parent_id = ? WHERE id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM scenario_folders WHERE id = ?');
  const selectOne = db.prepare<[number], Row>(`SELECT ${columns} FROM scenario_folders WHERE id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM scenario_folders ORDER BY id`);
  const selectByTeam = db.prepare<[number], Row>(`SELECT ${columns} FROM scenario_folders WHERE team_id = ? ORDER BY id`);

  const get = (id: number): FolderRecord | undefined => {
    const row = selectOne.get(id);
    return row === undefined ? undefined : toRecord(row);
  };

  const update = db.transaction((id: number, changes: Parameters<FolderStore['update']>[1]): FolderRecord | undefined => {
    const current = get(id);
    if (current === undefined) return undefined;
    write.run(changes.name ?? current.name, changes.parentId === undefined ? current.parentId : changes.parentId, id);
    return get(id);
  });

  return {
    async create(folder) {
      const { lastInsertRowid } = insert.run(folder.teamId, folder.name, folder.parentId, now().toISOString());
      const created = get(Number(lastInsertRowid));
      if (created === undefined) throw new InternalError('A scenario folder just inserted cannot be read back.');
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
      return deleteOne.run(id).changes > 0;
    },
  };
}
