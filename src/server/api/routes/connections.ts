// Connections in the Make API v2 (MAKE-API.md §1.4): OAuth 2.0 connections kept, sealed, in the executor's
// ConnectionPort; keys (Make's keychain) live in keys.ts. Responses never carry connection data. Scope `connections`.
import { Hono } from 'hono';
import { z } from 'zod';
import { ConnectionRecordSchema } from '../../../core/connections.ts';
import { isRecord } from '../../../shared/is-record.ts';
import type { ApiEnv } from '../api-env.ts';
import { pickCols } from '../paging.ts';
import { notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiConnection, checkCredential, credentialOf, credentialsOf, resolveType, scopesOf, toRemakeData, withNextId } from './connection-shapes.ts';
import { requireConfirmation, scenariosUsing } from './usage-shapes.ts';

const Id = z.coerce.number().int().positive();
const Name = z.string().trim().min(1).max(128);
// The SDK swaps names: `make.connections.create({name, accountName: <type>})` sends `{accountName: <name>, accountType: <type>}`.
const CreateBody = z.object({ accountName: Name, accountType: z.string().min(1) }).loose();
const RenameBody = z.object({ name: Name });
const ScopedBody = z.object({ scope: z.array(z.string()) });

/** The data fields of an OAuth 2.0 connection that set-data may change (ConnectionRecordSchema's oauth2 data). */
const EDITABLE = ['grantType', 'tokenUrl', 'clientId', 'clientSecret', 'scope', 'clientAuth', 'accessToken', 'refreshToken', 'expiresAt'];

function teamQuery(value: string | undefined): number {
  if (value === undefined) throw validationFailed(["Missing value of required parameter 'teamId'."]);
  return parseOr400(Id, value);
}

export function connectionRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/connections', requireScope('connections'));
  routes.use('/connections/*', requireScope('connections'));

  routes.get('/connections', async (c) => {
    // Another team's list is empty: Remake has team 1 only. GUESS: Make may answer 403 there.
    if (teamQuery(c.req.query('teamId')) !== TEAM_ID) return c.json({ connections: [] });
    const types = c.req.queries('type[]') ?? [];
    const items = (await credentialsOf(c.get('remake').ports.connections, 'connection'))
      .map(apiConnection)
      .filter((item) => types.length === 0 || types.includes(String(item['accountName'])));
    return c.json({ connections: items.map((item) => pickCols(c, item)) });
  });

  routes.post('/connections', async (c) => {
    const teamId = teamQuery(c.req.query('teamId'));
    if (teamId !== TEAM_ID) throw notFound('Team', teamId);
    const raw = await readJson(c);
    const body = parseOr400(CreateBody, raw);
    const type = resolveType(body.accountType, 'connection', 'accountType');
    // Every other body field is connection data (the SDK spreads `data` into the body).
    const { accountName: _name, accountType: _type, teamId: _team, name: _dropped, scopes: _scopes, ...given } = isRecord(raw) ? raw : {};
    const port = c.get('remake').ports.connections;
    const record = await withNextId(port, async (id) => {
      const checked = checkCredential({ id, type, name: body.accountName, data: toRemakeData(type, given) }, 'accountName', '');
      await port.save(checked);
      return checked;
    });
    return c.json({ connection: apiConnection({ ...record, type }) });
  });

  routes.get('/connections/:id', async (c) => {
    const record = await credentialOf(c, 'connection');
    const scopes = scopesOf(record).map((scope) => ({ id: scope, account: 'oauth2' }));
    return c.json({ connection: pickCols(c, { ...apiConnection(record), scopes }) });
  });

  routes.patch('/connections/:id', async (c) => {
    const record = await credentialOf(c, 'connection');
    const body = parseOr400(RenameBody, await readJson(c));
    const renamed = { ...record, name: body.name };
    await c.get('remake').ports.connections.save(renamed);
    return c.json({ connection: pickCols(c, apiConnection(renamed)) });
  });

  routes.post('/connections/:id/set-data', async (c) => {
    const record = await credentialOf(c, 'connection');
    const given = await readJson(c, {});
    if (!isRecord(given)) throw validationFailed(['The connection data must be a JSON object.']);
    // Fields left out keep their values (the SDK's integration test sends one field and expects `true`).
    const next = checkCredential({ ...record, data: { ...record.data, ...toRemakeData(record.type, given) } }, 'name', '');
    const changed = JSON.stringify(next.data) !== JSON.stringify(record.data);
    if (changed) await c.get('remake').ports.connections.save(next);
    return c.json({ changed });
  });

  // GUESS: Make tests the credentials against the app; Remake checks that the data is complete and well formed
  // for its type (no network call), which is what a run needs before it can authenticate.
  routes.post('/connections/:id/test', async (c) => {
    const record = await credentialOf(c, 'connection');
    return c.json({ verified: ConnectionRecordSchema.safeParse(record).success });
  });

  routes.post('/connections/:id/scoped', async (c) => {
    const record = await credentialOf(c, 'connection');
    const body = parseOr400(ScopedBody, await readJson(c));
    const granted = new Set(scopesOf(record));
    return c.json({ connection: { scoped: body.scope.every((scope) => granted.has(scope)) } });
  });

  routes.get('/connections/:id/editable-data-schema', async (c) => {
    await credentialOf(c, 'connection');
    return c.json({ editableParameters: EDITABLE });
  });

  routes.delete('/connections/:id', async (c) => {
    const record = await credentialOf(c, 'connection');
    const remake = c.get('remake');
    requireConfirmation(c, `Connection ${record.id}`, await scenariosUsing(remake, 'connection', record.id));
    await remake.ports.connections.remove(record.id);
    return c.json({ connection: Number(record.id) }); // GUESS: the answer's shape is not documented.
  });

  return routes;
}
