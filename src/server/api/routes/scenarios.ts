// Scenarios in the Make API v2 (MAKE-API.md §1.4): list, get, create, update, delete, clone, start/stop, run (with
// `data` and `responsive`), interface, blueprint and its versions. Scope resource `scenarios` (`scenarios:run` to run).
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { cloneScenario, type CloneRequest } from '../../../core/clone-scenario.ts';
import { activateScenario, deactivateScenario } from '../../../core/scenario-activation.ts';
import { createScenario, updateScenario } from '../../../core/scenarios.ts';
import { runScenarioNow } from '../../../core/run-on-demand.ts';
import type { ScenarioRecord } from '../../../core/server-types.ts';
import type { ApiEnv } from '../api-env.ts';
import { ApiError, notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { pageOf, paginate, pickCols } from '../paging.ts';
import { readJson } from '../read-json.ts';
import { ORGANIZATION_ID, TEAM_ID } from './account-shapes.ts';
import { apiScenario } from './scenario-shapes.ts';
import { usedPackages } from './used-packages.ts';

const IdParam = z.coerce.number().int().positive();
const CreateBody = z.object({
  teamId: z.coerce.number().int().positive(),
  blueprint: z.union([z.string(), z.record(z.string(), z.unknown())]),
  scheduling: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  folderId: z.coerce.number().int().nullable().optional(),
  metadata: z.unknown().optional(),
}).loose();
const UpdateBody = CreateBody.omit({ teamId: true, blueprint: true }).extend({
  blueprint: CreateBody.shape.blueprint.optional(),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
});
const RunBody = z.object({ data: z.record(z.string(), z.unknown()).optional(), responsive: z.boolean().optional(), callbackUrl: z.string().optional() }).loose();
const IdMap = z.record(z.string().min(1), z.union([z.number().int(), z.string().min(1)]));
// Body of POST /scenarios/{id}/clone: target `teamId`, `name`, `states` and id mappings (MAKE-API.md §1.4). GUESS (§9
// leaves it open): one old id → new id object per kind, named account, key, hook, device, udt and datastore. `states`
// is accepted and ignored (GUESS: module state, e.g. a trigger's last position, is not copied; the clone starts fresh).
const CloneBody = z.object({
  teamId: z.coerce.number().int().positive(),
  name: z.string().trim().min(1),
  states: z.boolean().optional(),
  account: IdMap.optional(),
  key: IdMap.optional(),
  hook: IdMap.optional(),
  device: IdMap.optional(),
  udt: IdMap.optional(),
  datastore: IdMap.optional(),
}).loose() satisfies z.ZodType<CloneRequest>;
const InterfaceBody = z.object({ interface: z.object({ input: z.array(z.record(z.string(), z.unknown())).optional(), output: z.array(z.record(z.string(), z.unknown())).optional() }) });

/** The scenario named by `:id`, or 404. */
async function scenarioOf(c: Context<ApiEnv>): Promise<ScenarioRecord> {
  const id = parseOr400(IdParam, c.req.param('id'));
  const scenario = await c.get('remake').store.scenarios.get(id);
  if (!scenario) throw notFound('Scenario', id);
  return scenario;
}

/** A scenario's folder must be a folder of its team (a missing one is a 400 naming `folderId`). */
async function requireFolder(c: Context<ApiEnv>, folderId: number | null | undefined, teamId: number): Promise<void> {
  if (folderId === undefined || folderId === null) return;
  const folder = await c.get('remake').store.folders.get(folderId);
  if (!folder || folder.teamId !== teamId) throw validationFailed([`Invalid value of parameter 'folderId': scenario folder ${folderId} does not exist in team ${teamId}.`]);
}

async function shaped(c: Context<ApiEnv>, scenario: ScenarioRecord): Promise<Record<string, unknown>> {
  const remake = c.get('remake');
  const blueprint = await remake.store.scenarios.blueprint(scenario.id);
  const dlqCount = (await remake.ports.incomplete.list(String(scenario.id))).length;
  return pickCols(c, apiScenario(scenario, { dlqCount, usedPackages: usedPackages(blueprint?.blueprint) }));
}

export function scenarioRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const scope: MiddlewareHandler<ApiEnv> = async (c, next) => (c.req.path.endsWith('/run') ? requireScope('scenarios', 'scenarios:run') : requireScope('scenarios'))(c, next);
  routes.use('/scenarios', scope);
  routes.use('/scenarios/*', scope);

  routes.get('/scenarios', async (c) => {
    const teamId = c.req.query('teamId');
    const organizationId = c.req.query('organizationId');
    if ((teamId === undefined) === (organizationId === undefined)) throw new ApiError(400, 'Bad Request', 'Exactly one of teamId and organizationId is required.', 'SC400');
    const ids = (c.req.queries('id[]') ?? []).map(Number);
    const active = c.req.query('isActive');
    const folder = c.req.query('folderId');
    const folderId = folder === undefined ? undefined : parseOr400(IdParam, folder);
    const all = await c.get('remake').store.scenarios.list(teamId === undefined ? undefined : Number(teamId));
    const chosen = all.filter((scenario) =>
      (ids.length === 0 || ids.includes(scenario.id)) && (active === undefined || String(scenario.isActive) === active) && (folderId === undefined || scenario.folderId === folderId));
    const page = pageOf(c, 'id');
    const items = await Promise.all(chosen.map((scenario) => shaped(c, scenario)));
    return c.json({ scenarios: paginate(items, page), pg: page });
  });

  routes.post('/scenarios', async (c) => {
    const body = parseOr400(CreateBody, await readJson(c));
    await requireFolder(c, body.folderId, body.teamId);
    const scenario = await createScenario(c.get('remake').store, body);
    return c.json({ scenario: await shaped(c, scenario) });
  });

  routes.get('/scenarios/:id', async (c) => c.json({ scenario: await shaped(c, await scenarioOf(c)) }));

  routes.patch('/scenarios/:id', async (c) => {
    const current = await scenarioOf(c);
    const body = parseOr400(UpdateBody, await readJson(c));
    await requireFolder(c, body.folderId, current.teamId);
    const remake = c.get('remake');
    const updated = await updateScenario(remake.store, current.id, body);
    if (!updated) throw notFound('Scenario', current.id);
    // A new schedule applies at once to an active scenario.
    const scenario = updated.isActive && body.scheduling !== undefined ? await activateScenario(remake, updated.id) : updated;
    return c.json({ scenario: await shaped(c, scenario) });
  });

  routes.delete('/scenarios/:id', async (c) => {
    const scenario = await scenarioOf(c);
    await c.get('remake').store.scenarios.remove(scenario.id);
    return c.json({ scenario: scenario.id });
  });

  routes.post('/scenarios/:id/clone', async (c) => {
    const source = await scenarioOf(c);
    const organizationId = c.req.query('organizationId');
    if (organizationId === undefined) throw validationFailed(["Missing value of required parameter 'organizationId'."]);
    if (parseOr400(IdParam, organizationId) !== ORGANIZATION_ID) throw notFound('Organization', organizationId);
    const body = parseOr400(CloneBody, await readJson(c));
    if (body.teamId !== TEAM_ID) throw notFound('Team', body.teamId);
    const clone = await cloneScenario(c.get('remake').store, source.id, body);
    return c.json({ scenario: await shaped(c, clone) });
  });

  routes.post('/scenarios/:id/start', async (c) => {
    const scenario = await activateScenario(c.get('remake'), (await scenarioOf(c)).id);
    return c.json({ scenario: { id: scenario.id, isActive: scenario.isActive, islinked: scenario.isActive } });
  });

  routes.post('/scenarios/:id/stop', async (c) => {
    const scenario = await deactivateScenario(c.get('remake'), (await scenarioOf(c)).id);
    return c.json({ scenario: { id: scenario.id, isActive: scenario.isActive } });
  });

  routes.post('/scenarios/:id/run', async (c) => {
    const scenario = await scenarioOf(c);
    const body = parseOr400(RunBody, await readJson(c, {}));
    if (!scenario.isActive) throw new ApiError(400, 'Bad Request', 'Scenario is not activated. Activate it first (POST /scenarios/{id}/start).', 'SC400');
    const result = await runScenarioNow(c.get('remake'), scenario.id, { data: body.data ?? {}, responsive: body.responsive ?? false });
    return c.json(result);
  });

  routes.get('/scenarios/:id/interface', async (c) => c.json({ interface: (await scenarioOf(c)).interface }));

  routes.patch('/scenarios/:id/interface', async (c) => {
    const scenario = await scenarioOf(c);
    const body = parseOr400(InterfaceBody, await readJson(c));
    const next = { input: body.interface.input ?? scenario.interface.input, output: body.interface.output ?? scenario.interface.output };
    await c.get('remake').store.scenarios.update(scenario.id, { interface: next });
    return c.json({ interface: next });
  });

  routes.get('/scenarios/:id/blueprint', async (c) => {
    const scenario = await scenarioOf(c);
    const requested = c.req.query('blueprintId');
    const version = requested === undefined ? undefined : parseOr400(IdParam, requested);
    const blueprint = await c.get('remake').store.scenarios.blueprint(scenario.id, version);
    if (!blueprint) throw notFound('Blueprint', version ?? scenario.blueprintVersion);
    return c.json({ code: 'OK', response: { blueprint: blueprint.blueprint, scheduling: scenario.scheduling, metadata: { input_spec: scenario.interface.input, output_spec: scenario.interface.output } } });
  });

  routes.get('/scenarios/:id/blueprints', async (c) => {
    const scenario = await scenarioOf(c);
    const versions = await c.get('remake').store.scenarios.versions(scenario.id);
    return c.json({ scenariosBlueprints: versions.map((item) => ({ version: item.version, created: item.createdAt, scenarioId: item.scenarioId, draft: false })) });
  });
  return routes;
}
