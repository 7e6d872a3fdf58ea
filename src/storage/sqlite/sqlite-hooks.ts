// HookStore on SQLite: one row per custom webhook in `hooks`, its options (Make's hook `data`) as JSON text.
import type { Database } from 'better-sqlite3';
import { InternalError } from '../../shared/errors.ts';
import type { HookRecord, HookStore } from '../server-ports.ts';
import { recordFromJsonText, toJsonText } from './json-column.ts';

interface Row {
  readonly id: number;
  readonly udid: string;
  readonly team_id: number;
  readonly name: string;
  readonly type_name: string;
  readonly data: string;
  readonly enabled: number;
  readonly learning: number;
  readonly created_at: string;
}

function toRecord(row: Row): HookRecord {
  return {
    id: row.id,
    udid: row.udid,
    teamId: row.team_id,
    name: row.name,
    typeName: row.type_name,
    data: recordFromJsonText(row.data, 'hooks.data'),
    enabled: row.enabled !== 0,
    learning: row.learning !== 0,
    createdAt: row.created_at,
  };
}

/** Hooks kept in `db`, listed by id. A new hook is enabled and not learning; removing one drops its queue. */
export function createSqliteHooks(db: Database, now: () => Date = () => new Date()): HookStore {
  const columns = 'id, udid, team_id, name, type_name, data, enabled, learning, created_at';
  const insert = db.prepare<[string, number, string, string, string, string]>(
    'INSERT INTO hooks (udid, team_id, name, type_name, data, enabled, learning, created_at) VALUES (?, ?, ?, ?, ?, 1, 0, ?)',
  );
  const write = db.prepare<[string, string, number, number, number]>('UPDATE hooks SET name = ?, data = ?, enabled = ?, learning = ? WHERE id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM hooks WHERE id = ?');
  const deleteQueue = db.prepare<[number]>('DELETE FROM hook_incomings WHERE hook_id = ?');
  const selectOne = db.prepare<[number], Row>(`SELECT ${columns} FROM hooks WHERE id = ?`);
  const selectByUdid = db.prepare<[string], Row>(`SELECT ${columns} FROM hooks WHERE udid = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM hooks ORDER BY id`);
  const selectByTeam = db.prepare<[number], Row>(`SELECT ${columns} FROM hooks WHERE team_id = ? ORDER BY id`);

  const get = (id: number): HookRecord | undefined => {
    const row = selectOne.get(id);
    return row === undefined ? undefined : toRecord(row);
  };

  const update = db.transaction((id: number, changes: Parameters<HookStore['update']>[1]): HookRecord | undefined => {
    const current = get(id);
    if (current === undefined) return undefined;
    const enabled = changes.enabled ?? current.enabled;
    const learning = changes.learning ?? current.learning;
    write.run(changes.name ?? current.name, toJsonText(changes.data ?? current.data), enabled ? 1 : 0, learning ? 1 : 0, id);
    return get(id);
  });

  // The foreign key cascades too; deleting the queue here keeps that true on a connection without foreign_keys.
  const remove = db.transaction((id: number): boolean => {
    deleteQueue.run(id);
    return deleteOne.run(id).changes > 0;
  });

  return {
    async create(hook) {
      const { lastInsertRowid } = insert.run(hook.udid, hook.teamId, hook.name, hook.typeName, toJsonText(hook.data), now().toISOString());
      const created = get(Number(lastInsertRowid));
      if (created === undefined) throw new InternalError('A hook just inserted cannot be read back.');
      return created;
    },
    async get(id) {
      return get(id);
    },
    async byUdid(udid) {
      const row = selectByUdid.get(udid);
      return row === undefined ? undefined : toRecord(row);
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
