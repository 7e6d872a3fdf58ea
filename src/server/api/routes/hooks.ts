// Hooks in the Make API v2 (MAKE-API.md §1.4, SEMANTICS.md §10): custom webhooks (`gateway-webhook`) with their
// options, enable/disable, learning, ping, and each hook's queue (`/incomings`). Scope resource `hooks`.
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Remake } from '../../../core/remake.ts';
import { isRecord } from '../../../shared/is-record.ts';
import type { HookData, HookRecord } from '../../../core/server-types.ts';
import type { ApiEnv } from '../api-env.ts';
import { ApiError, notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { pageOf, paginate, pickCols } from '../paging.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiHook, apiIncoming, apiIncomingDetail, apiIncomingStats, apiPing, GATEWAY_WEBHOOK, type HookContext } from './hook-shapes.ts';

const IdParam = z.coerce.number().int().positive();
const Name = z.string().trim().min(1).max(128);
const CreateBody = z.object({ name: Name, teamId: z.coerce.number().int().positive(), typeName: z.string().min(1) }).loose();
const RenameBody = z.object({ name: Name.optional() }).loose();
const ApiKey = z.string().max(512).regex(/^[\x20-\x7e]*$/, 'printable ASCII only');
/** The custom webhook's options (rule 97): the three switches Make requires, IP restriction and data structure. */
const WebhookData = z.object({
  headers: z.boolean(),
  method: z.boolean(),
  stringify: z.boolean(),
  ip: z.string().nullable().default(null),
  udt: z.number().int().positive().nullable().default(null),
  // Remake's API keys (read by webhooks/hook-options.ts): ASCII, at most 512 characters each (MAKE-API.md §1.5).
  apiKeys: z.union([ApiKey, z.array(ApiKey)]).nullable().optional(),
}).loose();
const REQUIRED_OPTIONS = ['headers', 'method', 'stringify'] as const;
const QueueIds = z.array(z.union([z.string(), z.number()]).transform((value) => Number(value)).pipe(z.number().int().positive()));
const DeleteIncomingsBody = z.object({ ids: QueueIds.optional(), all: z.boolean().optional(), exceptIds: QueueIds.optional() });

/** A new hook's URL path: 32 characters [a-z0-9], as Make's (bytes ≥ 252 are skipped so each character is equally likely). */
function newUdid(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let udid = '';
  while (udid.length < 32) {
    for (const byte of randomBytes(40)) if (byte < 252 && udid.length < 32) udid += alphabet[byte % alphabet.length];
  }
  return udid;
}

/**
 * Checks a custom webhook's data. Missing switches are a 400 naming each one, unless `useDefaults` asks the API to
 * fill them (false), as Make does for the SDK's `useDefaults=requiredOnly` (SDK Hooks.create). `teamId` is Make's
 * echo of the owner (hook-shapes.ts), not an option, so it is dropped.
 */
async function webhookData(remake: Remake, raw: Record<string, unknown>, useDefaults: boolean): Promise<HookData> {
  const { teamId: _echo, ...given } = raw;
  const filled: Record<string, unknown> = { ...(useDefaults ? { headers: false, method: false, stringify: false } : {}), ...given };
  const missing = REQUIRED_OPTIONS.filter((key) => filled[key] === undefined);
  if (missing.length > 0) throw validationFailed(missing.map((key) => `Missing value of required parameter '${key}'.`));
  const data = parseOr400(WebhookData, filled);
  if (data.udt !== null && !(await remake.store.dataStructures.get(data.udt))) {
    throw validationFailed([`Invalid value of parameter 'udt': data structure ${data.udt} does not exist.`]);
  }
  return data;
}

async function hookOf(c: Context<ApiEnv>): Promise<HookRecord> {
  const id = parseOr400(IdParam, c.req.param('id'));
  const hook = await c.get('remake').store.hooks.get(id);
  if (!hook) throw notFound('Hook', id);
  return hook;
}

async function contextOf(remake: Remake, hook: HookRecord): Promise<HookContext> {
  return { queueCount: await remake.store.queue.count(hook.id), scenario: await remake.store.scenarios.byHook(hook.id), url: remake.hookUrl(hook.udid) };
}

async function shaped(c: Context<ApiEnv>, hook: HookRecord): Promise<Record<string, unknown>> {
  return pickCols(c, apiHook(hook, await contextOf(c.get('remake'), hook)));
}

/** Applies a change to the hook named by `:id` and answers Make's `{success: true}`. */
async function toggle(c: Context<ApiEnv>, changes: { enabled?: boolean; learning?: boolean }): Promise<Response> {
  const hook = await hookOf(c);
  const remake = c.get('remake');
  await remake.store.hooks.update(hook.id, changes);
  // Requests that waited while the hook was off are consumed now (rule 91).
  if (changes.enabled === true) remake.hooks.kick(hook.id);
  return c.json({ success: true });
}

function booleanQuery(c: Context<ApiEnv>, name: string): boolean | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw validationFailed([`Invalid value of parameter '${name}': expected true or false.`]);
  return value === 'true';
}

export function hookRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/hooks', requireScope('hooks'));
  routes.use('/hooks/*', requireScope('hooks'));

  routes.get('/hooks', async (c) => {
    const teamId = c.req.query('teamId');
    if (teamId === undefined) throw validationFailed(["Missing value of required parameter 'teamId'."]);
    const typeName = c.req.query('typeName');
    const assigned = booleanQuery(c, 'assigned');
    const viewFor = c.req.query('viewForScenarioId');
    const remake = c.get('remake');
    const items: Record<string, unknown>[] = [];
    for (const hook of await remake.store.hooks.list(parseOr400(IdParam, teamId))) {
      const context = await contextOf(remake, hook);
      if (typeName !== undefined && hook.typeName !== typeName) continue;
      if (assigned !== undefined && (context.scenario !== undefined) !== assigned) continue;
      // GUESS: "view for scenario" shows the hooks that scenario could use: free ones and its own.
      if (viewFor !== undefined && context.scenario !== undefined && String(context.scenario.id) !== viewFor) continue;
      items.push(apiHook(hook, context));
    }
    const page = pageOf(c, 'name'); // Make: "Returned hooks are sorted by name in ascending order."
    return c.json({ hooks: paginate(items, page).map((item) => pickCols(c, item)), pg: page });
  });

  routes.post('/hooks', async (c) => {
    const raw = await readJson(c);
    const body = parseOr400(CreateBody, raw);
    if (body.teamId !== TEAM_ID) throw notFound('Team', body.teamId);
    if (body.typeName !== GATEWAY_WEBHOOK) {
      throw validationFailed([`Invalid value of parameter 'typeName': Remake serves custom webhooks only ('${GATEWAY_WEBHOOK}'), not '${body.typeName}'.`]);
    }
    const remake = c.get('remake');
    const { name: _name, teamId: _team, typeName: _type, ...options } = isRecord(raw) ? raw : {};
    const data = await webhookData(remake, options, c.req.query('useDefaults') !== undefined);
    const hook = await remake.store.hooks.create({ udid: newUdid(), teamId: body.teamId, name: body.name, typeName: body.typeName, data });
    return c.json({ hook: await shaped(c, hook) });
  });

  routes.get('/hooks/:id', async (c) => c.json({ hook: await shaped(c, await hookOf(c)) }));

  routes.patch('/hooks/:id', async (c) => {
    const hook = await hookOf(c);
    const body = parseOr400(RenameBody, await readJson(c, {}));
    const updated = body.name === undefined ? hook : await c.get('remake').store.hooks.update(hook.id, { name: body.name });
    if (!updated) throw notFound('Hook', hook.id);
    return c.json({ hook: await shaped(c, updated) });
  });

  routes.post('/hooks/:id/set-data', async (c) => {
    const hook = await hookOf(c);
    const remake = c.get('remake');
    const given = await readJson(c, {});
    if (!isRecord(given)) throw validationFailed(['The hook data must be a JSON object.']);
    // GUESS: options left out keep their values (the SDK's own tool example sends only `method` and `headers`).
    const data = await webhookData(remake, { ...hook.data, ...given }, false);
    const changed = JSON.stringify(data) !== JSON.stringify(hook.data);
    if (changed) await remake.store.hooks.update(hook.id, { data });
    remake.hooks.kick(hook.id);
    return c.json({ changed });
  });

  routes.delete('/hooks/:id', async (c) => {
    const hook = await hookOf(c);
    const store = c.get('remake').store;
    // Make: confirmation is required when a scenario uses the hook, "because the scenario will stop working without it".
    const scenario = await store.scenarios.byHook(hook.id);
    if (scenario && c.req.query('confirmed') !== 'true') {
      throw new ApiError(400, 'Bad Request', `The hook is used by scenario ${scenario.id}, which stops working without it. Send confirmed=true to delete it anyway.`, 'SC400');
    }
    await store.hooks.remove(hook.id); // drops the hook's queue with it
    return c.json({ hook: hook.id });
  });

  routes.get('/hooks/:id/ping', async (c) => {
    const hook = await hookOf(c);
    return c.json(apiPing(hook, await contextOf(c.get('remake'), hook)));
  });

  routes.post('/hooks/:id/enable', (c) => toggle(c, { enabled: true }));
  routes.post('/hooks/:id/disable', (c) => toggle(c, { enabled: false }));
  routes.post('/hooks/:id/learn-start', (c) => toggle(c, { learning: true }));
  routes.post('/hooks/:id/learn-stop', (c) => toggle(c, { learning: false }));

  routes.get('/hooks/:id/incomings', async (c) => {
    const hook = await hookOf(c);
    const queue = c.get('remake').store.queue;
    const from = c.req.query('from') === undefined ? -Infinity : parseOr400(z.coerce.number(), c.req.query('from'));
    const to = c.req.query('to') === undefined ? Infinity : parseOr400(z.coerce.number(), c.req.query('to'));
    const items = (await queue.peek(hook.id, Math.max(1, await queue.count(hook.id)))).filter((item) => {
      const at = Date.parse(item.receivedAt);
      return at >= from && at <= to;
    });
    const page = pageOf(c, 'created');
    return c.json({ incomings: paginate(items.map(apiIncoming), page), pg: page });
  });

  routes.get('/hooks/:id/incomings/stats', async (c) => {
    const hook = await hookOf(c);
    return c.json({ incomingStat: apiIncomingStats(hook, await c.get('remake').store.queue.count(hook.id)) });
  });

  routes.get('/hooks/:id/incomings/:itemId', async (c) => {
    const hook = await hookOf(c);
    const itemId = parseOr400(IdParam, c.req.param('itemId'));
    const item = await c.get('remake').store.queue.get(itemId);
    if (!item || item.hookId !== hook.id) throw notFound('Incoming', c.req.param('itemId'));
    return c.json({ incoming: apiIncomingDetail(item) });
  });

  routes.delete('/hooks/:id/incomings', async (c) => {
    const hook = await hookOf(c);
    const body = parseOr400(DeleteIncomingsBody, await readJson(c));
    const all = body.all === true;
    if ((body.ids !== undefined) === all) throw validationFailed(['Exactly one of ids and all: true is required.']);
    if (all && c.req.query('confirmed') !== 'true') throw validationFailed(['Deleting the whole queue needs confirmed=true.']);
    const queue = c.get('remake').store.queue;
    const waiting = (await queue.peek(hook.id, Math.max(1, await queue.count(hook.id)))).map((item) => item.id);
    const except = new Set(body.exceptIds ?? []);
    const chosen = all ? waiting.filter((id) => !except.has(id)) : waiting.filter((id) => body.ids?.includes(id));
    if (chosen.length > 0) await queue.remove(hook.id, chosen);
    return c.json({ incomings: chosen.map(String) });
  });
  return routes;
}
