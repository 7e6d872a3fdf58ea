// HookQueueStore on SQLite: each accepted webhook request is a row of `hook_incomings` (autoincrement id = arrival
// order), the request as JSON text whose multipart files keep their bytes (buffer-json.ts).
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { WebhookRequest } from '../../executor/module-api.ts';
import { InternalError } from '../../shared/errors.ts';
import type { HookQueueStore, IncomingRecord } from '../server-ports.ts';
import { parseBufferJson, stringifyBufferJson } from './buffer-json.ts';
import { groupCommit } from './group-commit.ts';

interface Row {
  readonly id: number;
  readonly hook_id: number;
  readonly request: string;
  readonly size: number;
  readonly received_at: string;
}

const RequestSchema = z.object({
  method: z.string(),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.unknown()),
  body: z.unknown(),
  rawBody: z.string().optional(),
  hookOptions: z.object({ headers: z.boolean().optional(), method: z.boolean().optional(), stringify: z.boolean().optional() }).optional(),
});

function toRequest(text: string): WebhookRequest {
  let value: unknown;
  try {
    value = parseBufferJson(text);
  } catch (error) {
    throw new InternalError('Column hook_incomings.request holds text that is not JSON.', { cause: error });
  }
  const parsed = RequestSchema.safeParse(value);
  if (!parsed.success) throw new InternalError('Column hook_incomings.request does not hold a webhook request.', { cause: parsed.error });
  return parsed.data;
}

function toRecord(row: Row): IncomingRecord {
  return { id: row.id, hookId: row.hook_id, request: toRequest(row.request), size: row.size, receivedAt: row.received_at };
}

/** Hook queues kept in `db`: first in, first out by id. `push` has committed when it resolves. */
export function createSqliteHookQueue(db: Database): HookQueueStore {
  const columns = 'id, hook_id, request, size, received_at';
  const insert = db.prepare<[number, string, number, string]>('INSERT INTO hook_incomings (hook_id, request, size, received_at) VALUES (?, ?, ?, ?)');
  const selectOldest = db.prepare<[number, string, number], Row>(
    `SELECT ${columns} FROM hook_incomings WHERE hook_id = ? AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`,
  );
  const selectOne = db.prepare<[number], Row>(`SELECT ${columns} FROM hook_incomings WHERE id = ?`);
  // Kept by triggers (migration 5): intake reads one row instead of counting the queue.
  const countOne = db.prepare<[number], number>('SELECT count FROM hook_queue_counts WHERE hook_id = ?').pluck();
  const deleteAll = db.prepare<[number]>('DELETE FROM hook_incomings WHERE hook_id = ?');
  // The ids travel as one JSON array, so one prepared statement serves any number of them.
  const deleteSome = db.prepare<[number, string]>('DELETE FROM hook_incomings WHERE hook_id = ? AND id IN (SELECT value FROM json_each(?))');
  const selectDepths = db.prepare<[], { hookId: number; count: number }>('SELECT hook_id AS hookId, count FROM hook_queue_counts WHERE count > 0 ORDER BY hook_id');
  // Pushes made in the same turn of the event loop share one commit; each resolves once it is durable.
  const insertGrouped = groupCommit(db, (hookId: number, text: string, size: number, receivedAt: string) => Number(insert.run(hookId, text, size, receivedAt).lastInsertRowid));

  return {
    async push(hookId, request, size, receivedAt) {
      const id = await insertGrouped(hookId, stringifyBufferJson(request), size, receivedAt);
      return { id, hookId, request, size, receivedAt };
    },
    async peek(hookId, limit, exclude = []) {
      return selectOldest.all(hookId, JSON.stringify(exclude), Math.max(0, Math.trunc(limit))).map(toRecord);
    },
    async get(id) {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    async count(hookId) {
      return countOne.get(hookId) ?? 0;
    },
    async remove(hookId, ids) {
      const result = ids === 'all' ? deleteAll.run(hookId) : deleteSome.run(hookId, JSON.stringify(ids));
      return result.changes;
    },
    async depths() {
      return selectDepths.all();
    },
  };
}
