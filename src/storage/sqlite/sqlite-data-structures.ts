// DataStructureStore on SQLite: one row per data structure in `data_structures`, its field specs as JSON text.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { InternalError } from '../../shared/errors.ts';
import type { DataStructureRecord, DataStructureStore } from '../server-ports.ts';
import { jsonColumnOf, toJsonText } from './json-column.ts';

interface Row {
  readonly id: number;
  readonly team_id: number;
  readonly name: string;
  readonly spec: string;
  readonly strict: number;
  readonly created_at: string;
}

const SpecSchema = z.array(z.record(z.string(), z.unknown()));

function toRecord(row: Row): DataStructureRecord {
  const spec = jsonColumnOf(SpecSchema, row.spec, 'data_structures.spec');
  return { id: row.id, teamId: row.team_id, name: row.name, spec, strict: row.strict !== 0, createdAt: row.created_at };
}

/** Data structures kept in `db`, listed by id. */
export function createSqliteDataStructures(db: Database, now: () => Date = () => new Date()): DataStructureStore {
  const columns = 'id, team_id, name, spec, strict, created_at';
  const insert = db.prepare<[number, string, string, number, string]>('INSERT INTO data_structures (team_id, name, spec, strict, created_at) VALUES (?, ?, ?, ?, ?)');
  const write = db.prepare<[string, string, number, number]>('UPDATE data_structures SET name = ?, spec = ?, strict = ? WHERE id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM data_structures WHERE id = ?');
  const selectOne = db.prepare<[number], Row>(`SELECT ${columns} FROM data_structures WHERE id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM data_structures ORDER BY id`);
  const selectByTeam = db.prepare<[number], Row>(`SELECT ${columns} FROM data_structures WHERE team_id = ? ORDER BY id`);

  const get = (id: number): DataStructureRecord | undefined => {
    const row = selectOne.get(id);
    return row === undefined ? undefined : toRecord(row);
  };

  const update = db.transaction((id: number, changes: Parameters<DataStructureStore['update']>[1]): DataStructureRecord | undefined => {
    const current = get(id);
    if (current === undefined) return undefined;
    const strict = changes.strict ?? current.strict;
    write.run(changes.name ?? current.name, toJsonText(changes.spec ?? current.spec), strict ? 1 : 0, id);
    return get(id);
  });

  return {
    async create(structure) {
      const { lastInsertRowid } = insert.run(structure.teamId, structure.name, toJsonText(structure.spec), structure.strict ? 1 : 0, now().toISOString());
      const created = get(Number(lastInsertRowid));
      if (created === undefined) throw new InternalError('A data structure just inserted cannot be read back.');
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
