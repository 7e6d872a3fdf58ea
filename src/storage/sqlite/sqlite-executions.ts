// ExecutionStore on SQLite: one row per run in `executions`, its stored run report as JSON text. Finishing a run
// and removing the webhook request it consumed happen in one transaction (the crash guarantee of `remake serve`).
import type { Database } from 'better-sqlite3';
import { InternalError } from '../../shared/errors.ts';
import { isRecord } from '../../shared/is-record.ts';
import type { ExecutionRecord, ExecutionStatus, ExecutionStore, StoredReport } from '../server-ports.ts';
import type { RunWrites } from '../run-writes.ts';
import { fromJsonText, toJsonText } from './json-column.ts';
import { sqliteDataStoreWriter } from './sqlite-data-stores.ts';
import { sqliteIncompleteWriter } from './sqlite-incomplete-executions.ts';
import { sqliteStateWriter } from './sqlite-state.ts';
import { groupCommit } from './group-commit.ts';

interface Row {
  readonly id: string;
  readonly scenario_id: number;
  readonly status: ExecutionStatus;
  readonly type: ExecutionRecord['type'];
  readonly instant: number;
  readonly incoming_id: number | null;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly operations: number;
  readonly transfer: number;
  readonly report: string | null;
}

function toReport(text: string): StoredReport {
  const value = fromJsonText(text, 'executions.report');
  if (!isRecord(value) || typeof value['status'] !== 'string' || !isRecord(value['modules'])) {
    throw new InternalError('Column executions.report does not hold a run report.');
  }
  // Only `finish` and `abandonRunning` write this column, both from a StoredReport.
  return value as unknown as StoredReport;
}

function toRecord(row: Row): ExecutionRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    status: row.status,
    type: row.type,
    instant: row.instant !== 0,
    incomingId: row.incoming_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    operations: row.operations,
    transfer: row.transfer,
    report: row.report === null ? null : toReport(row.report),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The report of a run the server stopped in the middle of: nothing is known of what it did. */
function abandonedReport(message: string): StoredReport {
  return {
    status: 'error',
    operations: 0,
    cycles: 0,
    modules: {},
    response: null,
    incomplete: [],
    error: { type: 'ExecutionInterruptedError', message, moduleId: null },
  };
}

/** Executions kept in `db`. Lists are newest first (start time, then the order they were recorded). */
export function createSqliteExecutions(db: Database, now: () => Date = () => new Date()): ExecutionStore {
  const columns = 'id, scenario_id, status, type, instant, incoming_id, started_at, finished_at, operations, transfer, report';
  const insert = db.prepare<[string, number, string, number, number | null, string]>(
    "INSERT INTO executions (id, scenario_id, status, type, instant, incoming_id, started_at) VALUES (?, ?, 'running', ?, ?, ?, ?)",
  );
  const deleteIncoming = db.prepare<[string]>('DELETE FROM hook_incomings WHERE id = (SELECT incoming_id FROM executions WHERE id = ?)');
  const end = db.prepare<[string, string | null, number, number, string | null, string]>(
    'UPDATE executions SET status = ?, finished_at = ?, operations = ?, transfer = ?, report = ? WHERE id = ?',
  );
  const selectOne = db.prepare<[string], Row>(`SELECT ${columns} FROM executions WHERE id = ?`);
  const selectPage = db.prepare<{ scenario: number; status: string | null; limit: number; offset: number }, Row>(
    `SELECT ${columns} FROM executions WHERE scenario_id = @scenario AND (@status IS NULL OR status = @status)
     ORDER BY started_at DESC, rowid DESC LIMIT @limit OFFSET @offset`,
  );
  const selectRunning = db.prepare<[], string>("SELECT id FROM executions WHERE status = 'running' ORDER BY started_at, rowid").pluck();
  // An abandoned run consumed nothing: dropping its incoming_id lets the rerun of the still-queued request finish
  // (the unique index allows one finished execution per request).
  const abandon = db.prepare<[string, string]>("UPDATE executions SET status = 'error', finished_at = ?, incoming_id = NULL, report = ? WHERE status = 'running'");
  const prune = db.prepare<[string]>('DELETE FROM executions WHERE finished_at IS NOT NULL AND finished_at < ?');

  // The request leaves the queue first so a refused update (unknown id, second run of one request) takes it back.
  // Runs that start in the same turn of the event loop share one commit.
  const insertGrouped = groupCommit(db, (...args: [string, number, string, number, number | null, string]) => void insert.run(...args));
  const records = sqliteDataStoreWriter(db, now);
  const setState = sqliteStateWriter(db, now);
  const saveIncomplete = sqliteIncompleteWriter(db);
  const finish = db.transaction((id: string, result: Parameters<ExecutionStore['finish']>[1], writes: RunWrites | undefined): void => {
    deleteIncoming.run(id);
    for (const write of writes?.dataStores ?? []) {
      if (write.data === null) records.delete(write.storeId, write.key);
      else records.put(write.storeId, write.key, write.data);
    }
    for (const write of writes?.state ?? []) setState(write.scope, write.name, write.value);
    for (const record of writes?.incomplete ?? []) saveIncomplete(record);
    const report = result.report === null ? null : toJsonText(result.report);
    let changes: number;
    try {
      changes = end.run(result.status, result.finishedAt, result.operations, result.transfer, report, id).changes;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new InternalError(`Execution ${id} cannot finish: the webhook request it ran already has a finished execution.`, { cause: error });
    }
    if (changes === 0) throw new InternalError(`Execution ${id} cannot finish: it was never started.`);
  });

  // Runs that end in the same turn of the event loop share one commit; each finish stays its own savepoint, and a
  // failing one is retried alone (group-commit.ts), so it cannot take the others down.
  const finishGrouped = groupCommit(db, finish);

  const abandonRunning = db.transaction((finishedAt: string, message: string): string[] => {
    const ids = selectRunning.all();
    if (ids.length > 0) abandon.run(finishedAt, toJsonText(abandonedReport(message)));
    return ids;
  });

  return {
    async start(execution) {
      await insertGrouped(execution.id, execution.scenarioId, execution.type, execution.instant ? 1 : 0, execution.incomingId, execution.startedAt);
    },
    async finish(id, result, writes) {
      await finishGrouped(id, result, writes);
    },
    async get(id) {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    async list(scenarioId, options = {}) {
      // SQLite reads a negative LIMIT as "no limit".
      const limit = options.limit === undefined ? -1 : Math.max(0, Math.trunc(options.limit));
      const offset = Math.max(0, Math.trunc(options.offset ?? 0));
      return selectPage.all({ scenario: scenarioId, status: options.status ?? null, limit, offset }).map(toRecord);
    },
    async abandonRunning(finishedAt, message) {
      return abandonRunning(finishedAt, message);
    },
    async prune(before) {
      return prune.run(before).changes;
    },
  };
}
