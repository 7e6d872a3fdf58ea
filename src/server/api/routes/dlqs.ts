// Incomplete executions (DLQ) in the Make API v2 (MAKE-API.md §1.4, SEMANTICS.md §9): list, detail, bundle, blueprint,
// change, retry one or many, delete one or many, and the retry executions of one. Scope resource `dlqs`.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { RESPONSIVE_WAIT_MS } from '../../../core/run-on-demand.ts';
import { isRetrying, retryExecutions, retryIncomplete, updateIncomplete } from '../../../core/incomplete-retries.ts';
import type { IncompleteExecutionRecord } from '../../../core/index.ts';
import type { ApiEnv } from '../api-env.ts';
import { ApiError, notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiDlq, apiDlqBundle, apiDlqUpdate } from './dlq-shapes.ts';
import { apiExecutionLog } from './scenario-shapes.ts';

const ScenarioId = z.coerce.number().int().positive();
const UpdateBody = z.object({ blueprint: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(), failer: z.coerce.number().int().optional() }).loose();
const SelectBody = z.object({ ids: z.array(z.string()).optional(), all: z.boolean().optional(), exceptIds: z.array(z.string()).optional() }).loose();
const STATUS_BY_CODE = { '1': 'success', '2': 'warning', '3': 'error' } as const;
const LogsQuery = z.object({
  status: z.enum(['1', '2', '3']).optional(),
  from: z.coerce.number().optional(),
  to: z.coerce.number().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

type Ctx = Context<ApiEnv>;

async function scenarioOf(c: Ctx) {
  const id = parseOr400(ScenarioId, c.req.query('scenarioId'));
  const scenario = await c.get('remake').store.scenarios.get(id);
  if (!scenario) throw notFound('Scenario', id);
  return scenario;
}

async function recordOf(c: Ctx): Promise<IncompleteExecutionRecord> {
  const id = c.req.param('id') ?? '';
  const record = await c.get('remake').ports.incomplete.get(id);
  if (!record) throw notFound('Incomplete execution', id);
  return record;
}

async function shaped(c: Ctx, record: IncompleteExecutionRecord): Promise<Record<string, unknown>> {
  const remake = c.get('remake');
  const siblings = await remake.ports.incomplete.list(record.scenario);
  return apiDlq(record, await remake.store.scenarios.get(Number(record.scenario)), siblings.findIndex((item) => item.id === record.id) + 1);
}

/** The records a bulk call names: `ids` (all of this scenario), or `all: true` minus `exceptIds` (Make's body). */
function selected(records: readonly IncompleteExecutionRecord[], body: z.infer<typeof SelectBody>): string[] {
  if (body.all === true) return records.map((record) => record.id).filter((id) => !(body.exceptIds ?? []).includes(id));
  if (!body.ids) throw validationFailed(["Send 'ids' or 'all': true."]);
  for (const id of body.ids) if (!records.some((record) => record.id === id)) throw notFound('Incomplete execution', id);
  return body.ids;
}

/**
 * Waits for `work` up to Make's 40 s (GUESS: Make queues retries and answers at once; Remake answers when they are
 * done so callers see the result, unless they take longer). Later failures are logged.
 */
async function within<T>(c: Ctx, work: Promise<T>): Promise<T | undefined> {
  work.catch((error: unknown) => c.get('remake').log({ event: 'error', where: 'incomplete execution retry', message: error instanceof Error ? error.message : String(error) }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), RESPONSIVE_WAIT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function busy(ids: readonly string[]): ApiError {
  // GUESS on status and code: Make documents only that deleting items being processed fails (rule 88).
  return new ApiError(409, 'Conflict', `Incomplete execution(s) ${ids.map((id) => `'${id}'`).join(', ')} are being retried and cannot be changed now.`, 'SC409');
}

export function dlqRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/dlqs', requireScope('dlqs'));
  routes.use('/dlqs/*', requireScope('dlqs'));

  routes.get('/dlqs', async (c) => {
    const scenario = await scenarioOf(c);
    const records = await c.get('remake').ports.incomplete.list(String(scenario.id));
    return c.json({ dlqs: records.map((record, index) => apiDlq(record, scenario, index + 1)) });
  });

  routes.post('/dlqs/retry', async (c) => {
    const scenario = await scenarioOf(c);
    const remake = c.get('remake');
    const ids = selected(await remake.ports.incomplete.list(String(scenario.id)), parseOr400(SelectBody, await readJson(c, {})));
    const work = (async () => {
      for (const id of ids) {
        if (isRetrying(remake, id)) continue;
        await retryIncomplete(remake, id).catch((error: unknown) => remake.log({ event: 'error', where: `retry of incomplete execution ${id}`, message: error instanceof Error ? error.message : String(error) }));
      }
    })();
    await within(c, work);
    return c.json({ dlqs: ids });
  });

  routes.delete('/dlqs', async (c) => {
    const scenario = await scenarioOf(c);
    const remake = c.get('remake');
    const body = parseOr400(SelectBody, await readJson(c, {}));
    if (body.all === true && c.req.query('confirmed') !== 'true') {
      throw new ApiError(406, 'Not Acceptable', 'Deleting all incomplete executions of a scenario needs the query parameter confirmed=true.', 'IM004');
    }
    const ids = selected(await remake.ports.incomplete.list(String(scenario.id)), body);
    // Items being retried stay; the rest is still deleted (Make's DELETE /dlqs).
    const held = ids.filter((id) => isRetrying(remake, id));
    for (const id of ids) if (!held.includes(id)) await remake.ports.incomplete.remove(id);
    if (held.length > 0) throw busy(held);
    return c.json({ dlqs: ids });
  });

  routes.get('/dlqs/:id', async (c) => c.json({ dlq: await shaped(c, await recordOf(c)) }));

  routes.patch('/dlqs/:id', async (c) => {
    const record = await recordOf(c);
    const body = parseOr400(UpdateBody, await readJson(c));
    let blueprint: unknown = body.blueprint;
    if (typeof blueprint === 'string') {
      try {
        blueprint = JSON.parse(blueprint);
      } catch (error) {
        throw validationFailed([`Invalid value of parameter 'blueprint': not JSON (${error instanceof Error ? error.message : String(error)}).`]);
      }
    }
    const updated = await updateIncomplete(c.get('remake'), record.id, { ...(blueprint === undefined ? {} : { blueprint }), ...(body.failer === undefined ? {} : { failer: body.failer }) });
    return c.json(apiDlqUpdate(updated));
  });

  routes.delete('/dlqs/:id', async (c) => {
    const record = await recordOf(c);
    const remake = c.get('remake');
    if (isRetrying(remake, record.id)) throw busy([record.id]);
    await remake.ports.incomplete.remove(record.id);
    return c.json({ dlq: record.id });
  });

  routes.post('/dlqs/:id/retry', async (c) => {
    const record = await recordOf(c);
    const remake = c.get('remake');
    if (isRetrying(remake, record.id)) throw busy([record.id]);
    const outcome = await within(c, retryIncomplete(remake, record.id));
    return c.json({ dlq: outcome ?? { id: record.id } });
  });

  routes.get('/dlqs/:id/bundle', async (c) => c.json(apiDlqBundle(await recordOf(c))));

  // GUESS on the shape: as GET /scenarios/{id}/blueprint.
  routes.get('/dlqs/:id/blueprint', async (c) => c.json({ code: 'OK', response: { blueprint: (await recordOf(c)).blueprint } }));

  routes.get('/dlqs/:id/logs', async (c) => {
    const query = parseOr400(LogsQuery, { status: c.req.query('status'), from: c.req.query('from'), to: c.req.query('to'), limit: c.req.query('pg[limit]'), offset: c.req.query('pg[offset]') });
    const status = query.status === undefined ? undefined : STATUS_BY_CODE[query.status];
    const executions = (await retryExecutions(c.get('remake'), c.req.param('id'))).filter((execution) => {
      const started = Date.parse(execution.startedAt);
      return (status === undefined || execution.status === status) && (query.from === undefined || started >= query.from) && (query.to === undefined || started < query.to);
    });
    const page = executions.slice(query.offset, query.offset + query.limit);
    return c.json({ dlqLogs: page.map((execution) => apiExecutionLog(execution, TEAM_ID)), pg: { sortBy: 'imtId', sortDir: 'desc', limit: query.limit, offset: query.offset } });
  });

  routes.get('/dlqs/:id/logs/:executionId', async (c) => {
    const executionId = c.req.param('executionId');
    const execution = (await retryExecutions(c.get('remake'), c.req.param('id'))).find((item) => item.id === executionId);
    if (!execution) throw notFound('Incomplete execution log', executionId);
    return c.json({ dlqLog: apiExecutionLog(execution, TEAM_ID) });
  });
  return routes;
}
