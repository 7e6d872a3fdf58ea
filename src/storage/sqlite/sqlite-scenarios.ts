// ScenarioStore on SQLite: one row per scenario in `scenarios`, every blueprint it ever had in
// `scenario_blueprints` (version 1 on create, N+1 on each update that brings a blueprint).
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { InternalError } from '../../shared/errors.ts';
import type { BlueprintVersion, ScenarioRecord, ScenarioStore } from '../server-ports.ts';
import { fromJsonText, jsonColumnOf, toJsonText } from './json-column.ts';

interface Row {
  readonly id: number;
  readonly team_id: number;
  readonly name: string;
  readonly description: string;
  readonly folder_id: number | null;
  readonly hook_id: number | null;
  readonly is_active: number;
  readonly scheduling: string;
  readonly interface: string;
  readonly blueprint_version: number;
  readonly next_exec: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

interface BlueprintRow {
  readonly scenario_id: number;
  readonly version: number;
  readonly blueprint: string;
  readonly created_at: string;
}

const SchedulingSchema = z.looseObject({ type: z.string() });
const InterfaceSchema = z.object({ input: z.array(z.record(z.string(), z.unknown())), output: z.array(z.record(z.string(), z.unknown())) });

function toRecord(row: Row): ScenarioRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    description: row.description,
    folderId: row.folder_id,
    hookId: row.hook_id,
    isActive: row.is_active !== 0,
    scheduling: jsonColumnOf(SchedulingSchema, row.scheduling, 'scenarios.scheduling'),
    interface: jsonColumnOf(InterfaceSchema, row.interface, 'scenarios.interface'),
    blueprintVersion: row.blueprint_version,
    nextExec: row.next_exec,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersion(row: BlueprintRow): BlueprintVersion {
  return { scenarioId: row.scenario_id, version: row.version, blueprint: fromJsonText(row.blueprint, 'scenario_blueprints.blueprint'), createdAt: row.created_at };
}

/** The changed value when one is given (null included), else the current one. */
function pick<T>(given: T | undefined, current: T): T {
  return given === undefined ? current : given;
}

/** Scenarios kept in `db`. Lists are by id; `updatedAt` moves on every update, `blueprintVersion` only with a blueprint. */
export function createSqliteScenarios(db: Database, now: () => Date = () => new Date()): ScenarioStore {
  const columns = 'id, team_id, name, description, folder_id, hook_id, is_active, scheduling, interface, blueprint_version, next_exec, created_at, updated_at';
  const insert = db.prepare<[number, string, string, number | null, number | null, string, string, string, string]>(
    `INSERT INTO scenarios (team_id, name, description, folder_id, hook_id, is_active, scheduling, interface, blueprint_version, next_exec, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1, NULL, ?, ?)`,
  );
  const write = db.prepare<[string, string, number | null, number | null, number, string, string, number, string | null, string, number]>(
    `UPDATE scenarios SET name = ?, description = ?, folder_id = ?, hook_id = ?, is_active = ?, scheduling = ?, interface = ?,
       blueprint_version = ?, next_exec = ?, updated_at = ? WHERE id = ?`,
  );
  const deleteOne = db.prepare<[number]>('DELETE FROM scenarios WHERE id = ?');
  const selectOne = db.prepare<[number], Row>(`SELECT ${columns} FROM scenarios WHERE id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM scenarios ORDER BY id`);
  const selectByTeam = db.prepare<[number], Row>(`SELECT ${columns} FROM scenarios WHERE team_id = ? ORDER BY id`);
  const selectByHook = db.prepare<[number], Row>(`SELECT ${columns} FROM scenarios WHERE hook_id = ? ORDER BY id LIMIT 1`);

  const blueprintColumns = 'scenario_id, version, blueprint, created_at';
  const insertBlueprint = db.prepare<[number, number, string, string]>(`INSERT INTO scenario_blueprints (${blueprintColumns}) VALUES (?, ?, ?, ?)`);
  const deleteBlueprints = db.prepare<[number]>('DELETE FROM scenario_blueprints WHERE scenario_id = ?');
  const lastVersion = db.prepare<[number], number | null>('SELECT MAX(version) FROM scenario_blueprints WHERE scenario_id = ?').pluck();
  const selectVersion = db.prepare<[number, number], BlueprintRow>(`SELECT ${blueprintColumns} FROM scenario_blueprints WHERE scenario_id = ? AND version = ?`);
  const selectCurrent = db.prepare<[number], BlueprintRow>(
    `SELECT b.scenario_id, b.version, b.blueprint, b.created_at FROM scenario_blueprints b
     JOIN scenarios s ON s.id = b.scenario_id AND s.blueprint_version = b.version WHERE s.id = ?`,
  );
  const selectVersions = db.prepare<[number], BlueprintRow>(`SELECT ${blueprintColumns} FROM scenario_blueprints WHERE scenario_id = ? ORDER BY version DESC`);

  const get = (id: number): ScenarioRecord | undefined => {
    const row = selectOne.get(id);
    return row === undefined ? undefined : toRecord(row);
  };

  const create = db.transaction((scenario: Parameters<ScenarioStore['create']>[0]): number => {
    const at = now().toISOString();
    const { lastInsertRowid } = insert.run(
      scenario.teamId,
      scenario.name,
      scenario.description ?? '',
      scenario.folderId ?? null,
      scenario.hookId,
      toJsonText(scenario.scheduling),
      toJsonText(scenario.interface),
      at,
      at,
    );
    const id = Number(lastInsertRowid);
    insertBlueprint.run(id, 1, toJsonText(scenario.blueprint), at);
    return id;
  });

  const update = db.transaction((id: number, changes: Parameters<ScenarioStore['update']>[1]): ScenarioRecord | undefined => {
    const current = get(id);
    if (current === undefined) return undefined;
    const at = now().toISOString();
    let version = current.blueprintVersion;
    if (changes.blueprint !== undefined) {
      version = (lastVersion.get(id) ?? 0) + 1;
      insertBlueprint.run(id, version, toJsonText(changes.blueprint), at);
    }
    write.run(
      pick(changes.name, current.name),
      pick(changes.description, current.description),
      pick(changes.folderId, current.folderId),
      pick(changes.hookId, current.hookId),
      pick(changes.isActive, current.isActive) ? 1 : 0,
      toJsonText(pick(changes.scheduling, current.scheduling)),
      toJsonText(pick(changes.interface, current.interface)),
      version,
      pick(changes.nextExec, current.nextExec),
      at,
      id,
    );
    return get(id);
  });

  // The foreign key cascades too; deleting the versions here keeps that true on a connection without foreign_keys.
  const remove = db.transaction((id: number): boolean => {
    deleteBlueprints.run(id);
    return deleteOne.run(id).changes > 0;
  });

  return {
    async create(scenario) {
      const created = get(create(scenario));
      if (created === undefined) throw new InternalError('A scenario just inserted cannot be read back.');
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
    async blueprint(id, version) {
      const row = version === undefined ? selectCurrent.get(id) : selectVersion.get(id, version);
      return row === undefined ? undefined : toVersion(row);
    },
    async versions(id) {
      return selectVersions.all(id).map(toVersion);
    },
    async byHook(hookId) {
      const row = selectByHook.get(hookId);
      return row === undefined ? undefined : toRecord(row);
    },
  };
}
