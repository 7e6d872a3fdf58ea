// Executions history in the Make API v2: GET /scenarios/{id}/logs (`{scenarioLogs, pg}`), one log, and the
// execution detail with every module's bundles. Scope `scenarios:read`.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ExecutionStatus } from '../../../core/server-types.ts';
import type { ApiEnv } from '../api-env.ts';
import { notFound, parseOr400 } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { apiExecutionDetail, apiExecutionLog } from './scenario-shapes.ts';

const IdParam = z.coerce.number().int().positive();
const STATUS_BY_CODE: Record<string, ExecutionStatus> = { '0': 'running', '1': 'success', '2': 'warning', '3': 'error' };
const LogsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(['0', '1', '2', '3']).optional(),
});

export function executionRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/scenarios/:id/logs', requireScope('scenarios'));
  routes.use('/scenarios/:id/logs/*', requireScope('scenarios'));
  routes.use('/scenarios/:id/executions/*', requireScope('scenarios'));

  routes.get('/scenarios/:id/logs', async (c) => {
    const remake = c.get('remake');
    const id = parseOr400(IdParam, c.req.param('id'));
    const scenario = await remake.store.scenarios.get(id);
    if (!scenario) throw notFound('Scenario', id);
    const query = parseOr400(LogsQuery, { limit: c.req.query('pg[limit]'), offset: c.req.query('pg[offset]'), status: c.req.query('status') });
    const status = query.status === undefined ? undefined : STATUS_BY_CODE[query.status];
    const executions = await remake.store.executions.list(id, { limit: query.limit, offset: query.offset, ...(status ? { status } : {}) });
    const last = executions.at(-1);
    return c.json({
      scenarioLogs: executions.map((execution) => apiExecutionLog(execution, scenario.teamId)),
      pg: { sortBy: 'imtId', sortDir: 'desc', limit: query.limit, offset: query.offset, showLast: false, ...(last ? { last: last.id } : {}) },
    });
  });

  routes.get('/scenarios/:id/logs/:executionId', async (c) => {
    const execution = await executionOf(c.get('remake'), c.req.param('id'), c.req.param('executionId'));
    const scenario = await c.get('remake').store.scenarios.get(execution.scenarioId);
    return c.json({ scenarioLog: apiExecutionLog(execution, scenario?.teamId ?? 1) });
  });

  routes.get('/scenarios/:id/executions/:executionId', async (c) => {
    const execution = await executionOf(c.get('remake'), c.req.param('id'), c.req.param('executionId'));
    return c.json(apiExecutionDetail(execution));
  });
  return routes;
}

async function executionOf(remake: ApiEnv['Variables']['remake'], scenarioParam: string, executionId: string) {
  const scenarioId = parseOr400(IdParam, scenarioParam);
  const execution = await remake.store.executions.get(executionId);
  if (!execution || execution.scenarioId !== scenarioId) throw notFound('Execution', executionId);
  return execution;
}
