// IncompleteExecutionPort on SQLite: one row per stored failing bundle (SEMANTICS.md §9), JSON columns for
// the error, the scope to resume from, the blueprint and the retry schedule; `attempts` and `next_retry_at` as columns.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { IncompleteExecutionPort, IncompleteExecutionRecord } from '../../executor/ports.ts';
import { fromJsonText, jsonColumnOf, toJsonText } from './json-column.ts';

interface Row {
  readonly id: string;
  readonly scenario: string;
  readonly execution_id: string;
  readonly module_id: number;
  readonly error: string;
  readonly scope: string;
  readonly blueprint: string;
  readonly retry: string;
  readonly created_at: string;
  readonly attempts: number;
  readonly next_retry_at: string | null;
}

const ErrorSchema = z.object({ type: z.string(), message: z.string() });
const ScopeSchema = z.record(z.string(), z.unknown());
const RetrySchema = z.object({ enabled: z.boolean(), attempts: z.number(), intervalMinutes: z.number() }).nullable();

function toRecord(row: Row): IncompleteExecutionRecord {
  return {
    id: row.id,
    scenario: row.scenario,
    executionId: row.execution_id,
    moduleId: row.module_id,
    error: jsonColumnOf(ErrorSchema, row.error, 'incomplete_executions.error'),
    scope: jsonColumnOf(ScopeSchema, row.scope, 'incomplete_executions.scope'),
    blueprint: fromJsonText(row.blueprint, 'incomplete_executions.blueprint'),
    retry: jsonColumnOf(RetrySchema, row.retry, 'incomplete_executions.retry'),
    createdAt: row.created_at,
    attempts: row.attempts,
    nextRetryAt: row.next_retry_at,
  };
}

const COLUMNS = 'id, scenario, execution_id, module_id, error, scope, blueprint, retry, created_at, attempts, next_retry_at';

/** The statement that saves (inserts or replaces) a record, synchronous, for callers inside a transaction of their own. */
export function sqliteIncompleteWriter(db: Database): (record: IncompleteExecutionRecord) => void {
  const upsert = db.prepare<[string, string, string, number, string, string, string, string, string, number, string | null]>(
    `INSERT OR REPLACE INTO incomplete_executions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (record) =>
    void upsert.run(
      record.id,
      record.scenario,
      record.executionId,
      record.moduleId,
      toJsonText(record.error),
      toJsonText(record.scope),
      toJsonText(record.blueprint),
      toJsonText(record.retry),
      record.createdAt,
      record.attempts ?? 0,
      record.nextRetryAt ?? null,
    );
}

/** Incomplete executions kept in `db`. Saving an existing id replaces it; `list` is oldest first. */
export function createSqliteIncompleteExecutions(db: Database): IncompleteExecutionPort {
  const columns = COLUMNS;
  const write = sqliteIncompleteWriter(db);
  const selectOne = db.prepare<[string], Row>(`SELECT ${columns} FROM incomplete_executions WHERE id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${columns} FROM incomplete_executions ORDER BY created_at, id`);
  const selectByScenario = db.prepare<[string], Row>(`SELECT ${columns} FROM incomplete_executions WHERE scenario = ? ORDER BY created_at, id`);
  const remove = db.prepare<[string]>('DELETE FROM incomplete_executions WHERE id = ?');

  return {
    async save(record) {
      write(record);
    },
    async list(scenario) {
      const rows = scenario === undefined ? selectAll.all() : selectByScenario.all(scenario);
      return rows.map(toRecord);
    },
    async get(id) {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    async remove(id) {
      return remove.run(id).changes > 0;
    },
  };
}
