// Data stores and their records in the Make API v2 (MAKE-API.md §1.4). Records go through the executor's
// DataStorePort under the store id as text, so scenarios and the API share them. Scope resource `datastores`.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Remake } from '../../../core/remake.ts';
import type { ApiEnv } from '../api-env.ts';
import { ApiError, notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { pageOf, paginate, pickCols } from '../paging.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiDataStore, checkRecord, maxBytes, newRecordKey, recordBytes, storeUsage, type DataRecord, type DataStoreMeta, type DataStructure } from './data-store-shapes.ts';
import { NameSchema } from './data-structure-shapes.ts';
import { requireConfirmation, scenariosUsing } from './usage-shapes.ts';

const Id = z.coerce.number().int().positive();
const StructureId = z.number().int().positive().nullable();
const MaxSize = z.number().int().min(1);
const CreateBody = z.object({ name: NameSchema, teamId: Id, datastructureId: StructureId.optional(), maxSizeMB: MaxSize }).loose();
// The SDK's own integration test sends `teamId` along with the changes; it is ignored.
const UpdateBody = z.object({ name: NameSchema.optional(), datastructureId: StructureId.optional(), maxSizeMB: MaxSize.optional() }).loose();
const RecordData = z.record(z.string(), z.unknown());
const CreateRecordBody = z.object({ key: z.string().min(1).max(512).optional(), data: RecordData.optional() });
const DeleteRecordsBody = z.object({ keys: z.array(z.string()).optional(), all: z.boolean().optional(), exceptKeys: z.array(z.string()).optional() });
const DeleteStoresBody = z.object({ ids: z.array(Id).optional(), all: z.boolean().optional(), exceptIds: z.array(Id).optional() });

async function storeOf(c: Context<ApiEnv>): Promise<DataStoreMeta> {
  const id = parseOr400(Id, c.req.param('id'));
  const store = await c.get('remake').store.dataStoreMeta.get(id);
  if (!store) throw notFound('Data store', id);
  return store;
}

function teamQuery(c: Context<ApiEnv>): number {
  const teamId = c.req.query('teamId');
  if (teamId === undefined) throw validationFailed(["Missing value of required parameter 'teamId'."]);
  return parseOr400(Id, teamId);
}

async function checkStructureId(remake: Remake, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined || (await remake.store.dataStructures.get(id))) return;
  throw validationFailed([`Invalid value of parameter 'datastructureId': data structure ${id} does not exist.`]);
}

async function structureOf(remake: Remake, store: DataStoreMeta): Promise<DataStructure | undefined> {
  return store.datastructureId === null ? undefined : remake.store.dataStructures.get(store.datastructureId);
}

async function shaped(c: Context<ApiEnv>, store: DataStoreMeta): Promise<Record<string, unknown>> {
  return pickCols(c, apiDataStore(store, await storeUsage(c.get('remake').ports.dataStores, store.id)));
}

/** Checks the record against a strict structure and the store's size limit, then writes it; answers `{key, data}`. */
async function writeRecord(c: Context<ApiEnv>, store: DataStoreMeta, key: string, data: DataRecord, previous: DataRecord | undefined): Promise<Response> {
  const remake = c.get('remake');
  const structure = await structureOf(remake, store);
  const problems = structure ? checkRecord(structure, data) : [];
  if (problems.length > 0) throw validationFailed(problems);
  const usage = await storeUsage(remake.ports.dataStores, store.id);
  const bytes = usage.bytes - (previous ? recordBytes(previous) : 0) + recordBytes(data);
  // GUESS: Make's answer to a full store is not documented; the limit itself is the store's maxSizeMB.
  if (bytes > maxBytes(store)) throw new ApiError(400, 'Bad Request', `Data store ${store.id} is full: the record would grow it to ${bytes} bytes of its ${maxBytes(store)}.`, 'SC400');
  await remake.ports.dataStores.put(String(store.id), key, data);
  return c.json({ key, data });
}

async function existingRecord(c: Context<ApiEnv>, store: DataStoreMeta): Promise<{ key: string; data: DataRecord }> {
  const key = c.req.param('key') ?? '';
  const data = await c.get('remake').ports.dataStores.get(String(store.id), key);
  // GUESS: Make's answer for a missing key is not documented; PATCH and PUT change existing records only.
  if (data === undefined) throw new ApiError(404, 'Not Found', `Record with key '${key}' not found in data store ${store.id}.`, 'SC404');
  return { key, data };
}

/** Deletes a store once confirmed when scenarios use it; returns its id. */
async function deleteStore(c: Context<ApiEnv>, store: DataStoreMeta): Promise<number> {
  const remake = c.get('remake');
  requireConfirmation(c, `Data store ${store.id}`, await scenariosUsing(remake, 'dataStore', store.id));
  await remake.store.dataStoreMeta.remove(store.id); // removes its records too
  return store.id;
}

export function dataStoreRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/data-stores', requireScope('datastores'));
  routes.use('/data-stores/*', requireScope('datastores'));

  routes.get('/data-stores', async (c) => {
    const remake = c.get('remake');
    // Another team's stores: Remake has team 1 only, so the list is empty. GUESS: Make may answer 403 there.
    const stores = await remake.store.dataStoreMeta.list(teamQuery(c));
    const items = await Promise.all(stores.map(async (store) => apiDataStore(store, await storeUsage(remake.ports.dataStores, store.id))));
    const page = pageOf(c, 'name'); // "Returned data stores are sorted by name in ascending order." (API reference)
    return c.json({ dataStores: paginate(items, page).map((item) => pickCols(c, item)), pg: page });
  });

  routes.post('/data-stores', async (c) => {
    const body = parseOr400(CreateBody, await readJson(c));
    if (body.teamId !== TEAM_ID) throw notFound('Team', body.teamId);
    const remake = c.get('remake');
    await checkStructureId(remake, body.datastructureId);
    const store = await remake.store.dataStoreMeta.create({ teamId: body.teamId, name: body.name, datastructureId: body.datastructureId ?? null, maxSizeMB: body.maxSizeMB });
    return c.json({ dataStore: await shaped(c, store) });
  });

  routes.delete('/data-stores', async (c) => {
    const remake = c.get('remake');
    const stores = await remake.store.dataStoreMeta.list(teamQuery(c));
    const body = parseOr400(DeleteStoresBody, await readJson(c));
    if ((body.ids !== undefined) === (body.all === true)) throw validationFailed(['Exactly one of ids and all: true is required.']);
    const except = new Set(body.exceptIds ?? []);
    const chosen = body.all === true ? stores.filter((store) => !except.has(store.id)) : stores.filter((store) => body.ids?.includes(store.id));
    // Nothing is deleted unless every chosen store may be (Make: "an error is returned and nothing is deleted").
    for (const store of chosen) requireConfirmation(c, `Data store ${store.id}`, await scenariosUsing(remake, 'dataStore', store.id));
    for (const store of chosen) await remake.store.dataStoreMeta.remove(store.id);
    return c.json({ dataStores: chosen.map((store) => store.id) });
  });

  routes.get('/data-stores/:id', async (c) => c.json({ dataStore: await shaped(c, await storeOf(c)) }));

  routes.patch('/data-stores/:id', async (c) => {
    const store = await storeOf(c);
    const body = parseOr400(UpdateBody, await readJson(c, {}));
    const remake = c.get('remake');
    await checkStructureId(remake, body.datastructureId);
    const changes = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.datastructureId === undefined ? {} : { datastructureId: body.datastructureId }),
      ...(body.maxSizeMB === undefined ? {} : { maxSizeMB: body.maxSizeMB }),
    };
    const updated = await remake.store.dataStoreMeta.update(store.id, changes);
    if (!updated) throw notFound('Data store', store.id);
    return c.json({ dataStore: await shaped(c, updated) });
  });

  // GUESS: Make's answer to deleting one store is not documented (the bulk DELETE /data-stores returns the ids);
  // Remake answers `{dataStore: <id>}`, as Make's DELETE /teams/{id} answers `{team: <id>}`.
  routes.delete('/data-stores/:id', async (c) => c.json({ dataStore: await deleteStore(c, await storeOf(c)) }));

  routes.get('/data-stores/:id/data', async (c) => {
    const store = await storeOf(c);
    const remake = c.get('remake');
    const records = await remake.ports.dataStores.list(String(store.id));
    const page = pageOf(c, 'key');
    const structure = await structureOf(remake, store);
    return c.json({
      records: records.slice(page.offset, page.offset + page.limit),
      spec: structure?.spec ?? [],
      strict: structure?.strict ?? false,
      count: records.length,
      pg: { limit: page.limit, offset: page.offset },
    });
  });

  routes.post('/data-stores/:id/data', async (c) => {
    const store = await storeOf(c);
    const body = parseOr400(CreateRecordBody, await readJson(c, {}));
    const remake = c.get('remake');
    const key = body.key ?? (await newRecordKey(remake.ports.dataStores, store.id, remake.random));
    // GUESS: creating a key that exists is refused (Make documents the call as "Creates a new record").
    if (body.key !== undefined && (await remake.ports.dataStores.get(String(store.id), key)) !== undefined) {
      throw new ApiError(400, 'Bad Request', `Data store ${store.id} already has a record with key '${key}'. Use PUT or PATCH /data-stores/${store.id}/data/${key} to change it.`, 'SC400');
    }
    return writeRecord(c, store, key, body.data ?? {}, undefined);
  });

  routes.patch('/data-stores/:id/data/:key', async (c) => {
    const store = await storeOf(c);
    const changes = parseOr400(RecordData, await readJson(c));
    const current = await existingRecord(c, store);
    return writeRecord(c, store, current.key, { ...current.data, ...changes }, current.data);
  });

  routes.put('/data-stores/:id/data/:key', async (c) => {
    const store = await storeOf(c);
    const data = parseOr400(RecordData, await readJson(c));
    const current = await existingRecord(c, store);
    return writeRecord(c, store, current.key, data, current.data);
  });

  routes.delete('/data-stores/:id/data', async (c) => {
    const store = await storeOf(c);
    const body = parseOr400(DeleteRecordsBody, await readJson(c));
    if ((body.keys !== undefined) === (body.all === true)) throw validationFailed(['Exactly one of keys and all: true is required.']);
    // API reference: "You have to add the confirmed parameter … to confirm deleting the data, otherwise you get an error."
    if (c.req.query('confirmed') !== 'true') throw validationFailed(['Deleting data store records needs confirmed=true.']);
    const port = c.get('remake').ports.dataStores;
    const except = new Set(body.exceptKeys ?? []);
    const keys = body.all === true ? (await port.list(String(store.id))).map((record) => record.key).filter((key) => !except.has(key)) : (body.keys ?? []);
    const deleted: string[] = [];
    for (const key of keys) if (await port.delete(String(store.id), key)) deleted.push(key);
    return c.json({ keys: deleted }); // "The response contains keys of the deleted records." (API reference)
  });
  return routes;
}
