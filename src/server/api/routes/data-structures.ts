// Data structures in the Make API v2 (MAKE-API.md §1.4): list, create, get, update, delete and clone, with the
// field specs data stores check strict records against. Scope resource `udts`.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { DataStructure } from './data-store-shapes.ts';
import type { ApiEnv } from '../api-env.ts';
import { notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { pageOf, paginate, pickCols } from '../paging.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiDataStructure, DATA_STRUCTURE_LIST_COLS, NameSchema, SpecSchema } from './data-structure-shapes.ts';
import { requireConfirmation, scenariosUsing } from './usage-shapes.ts';

const Id = z.coerce.number().int().positive();
const CreateBody = z.object({ name: NameSchema, teamId: Id, spec: SpecSchema.optional(), strict: z.boolean().optional() }).loose();
const UpdateBody = z.object({ name: NameSchema.optional(), spec: SpecSchema.optional(), strict: z.boolean().optional() }).loose();
// "targetTeamId … If omitted, the data structure is cloned within the original team." (Make's API reference, via withone.ai)
const CloneBody = z.object({ name: NameSchema, targetTeamId: Id.optional() }).loose();

async function structureOf(c: Context<ApiEnv>): Promise<DataStructure> {
  const id = parseOr400(Id, c.req.param('id'));
  const structure = await c.get('remake').store.dataStructures.get(id);
  if (!structure) throw notFound('Data structure', id);
  return structure;
}

function ownTeam(teamId: number): number {
  if (teamId !== TEAM_ID) throw notFound('Team', teamId);
  return teamId;
}

export function dataStructureRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/data-structures', requireScope('udts'));
  routes.use('/data-structures/*', requireScope('udts'));

  routes.get('/data-structures', async (c) => {
    const teamId = c.req.query('teamId');
    if (teamId === undefined) throw validationFailed(["Missing value of required parameter 'teamId'."]);
    // Another team's list is empty: Remake has team 1 only. GUESS: Make may answer 403 there.
    const items = (await c.get('remake').store.dataStructures.list(parseOr400(Id, teamId))).map(apiDataStructure);
    const page = pageOf(c, 'name'); // "Returned data structures are sorted by name in ascending order." (API reference)
    return c.json({ dataStructures: paginate(items, page).map((item) => pickCols(c, item, DATA_STRUCTURE_LIST_COLS)), pg: page });
  });

  routes.post('/data-structures', async (c) => {
    const body = parseOr400(CreateBody, await readJson(c));
    const structure = await c.get('remake').store.dataStructures.create({ teamId: ownTeam(body.teamId), name: body.name, spec: body.spec ?? [], strict: body.strict ?? false });
    return c.json({ dataStructure: apiDataStructure(structure) });
  });

  routes.get('/data-structures/:id', async (c) => c.json({ dataStructure: pickCols(c, apiDataStructure(await structureOf(c))) }));

  routes.patch('/data-structures/:id', async (c) => {
    const structure = await structureOf(c);
    const body = parseOr400(UpdateBody, await readJson(c, {}));
    const changes = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.spec === undefined ? {} : { spec: body.spec }),
      ...(body.strict === undefined ? {} : { strict: body.strict }),
    };
    const updated = await c.get('remake').store.dataStructures.update(structure.id, changes);
    if (!updated) throw notFound('Data structure', structure.id);
    return c.json({ dataStructure: apiDataStructure(updated) });
  });

  routes.delete('/data-structures/:id', async (c) => {
    const structure = await structureOf(c);
    const store = c.get('remake').store;
    // Data stores using the structure count as uses too (their records are checked against it); once confirmed they
    // keep their records and lose the structure. GUESS: Make's reference names scenarios only.
    const stores = (await store.dataStoreMeta.list()).filter((dataStore) => dataStore.datastructureId === structure.id);
    const users = await scenariosUsing(c.get('remake'), 'dataStructure', structure.id);
    requireConfirmation(c, `Data structure ${structure.id}`, users, stores.map((dataStore) => `data store ${dataStore.id} ('${dataStore.name}')`));
    for (const dataStore of stores) await store.dataStoreMeta.update(dataStore.id, { datastructureId: null });
    await store.dataStructures.remove(structure.id);
    // "On success, the API returns the deleted data structure ID" (API reference); the key name is a GUESS.
    return c.json({ dataStructure: structure.id });
  });

  routes.post('/data-structures/:id/clone', async (c) => {
    const structure = await structureOf(c);
    const body = parseOr400(CloneBody, await readJson(c));
    const clone = await c.get('remake').store.dataStructures.create({
      teamId: ownTeam(body.targetTeamId ?? structure.teamId),
      name: body.name,
      spec: structure.spec,
      strict: structure.strict,
    });
    return c.json({ dataStructure: apiDataStructure(clone) });
  });
  return routes;
}
