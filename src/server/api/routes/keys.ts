// Keys (Make's keychain) in the Make API v2: Basic Auth, API key and client-certificate credentials the HTTP
// modules name by id, kept sealed in the executor's ConnectionPort. Responses never carry parameters. Scope `keys`.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../api-env.ts';
import { notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiKey, checkCredential, credentialOf, credentialsOf, resolveType, toRemakeData, TYPE_MAPPINGS, withNextId } from './connection-shapes.ts';
import { pickCols } from '../paging.ts';
import { requireConfirmation, scenariosUsing } from './usage-shapes.ts';

const Id = z.coerce.number().int().positive();
const Name = z.string().trim().min(1).max(128);
const Parameters = z.record(z.string(), z.unknown());
const CreateBody = z.object({ name: Name, teamId: Id, typeName: z.string().min(1), parameters: Parameters.default({}) }).loose();
const UpdateBody = z.object({ name: Name.optional(), parameters: Parameters.optional() }).loose();

const text = (name: string, label: string, extra: Record<string, unknown> = {}) => ({ name, label, type: 'text', ...extra });
const secret = (name: string, label: string, extra: Record<string, unknown> = {}) => ({ name, label, type: 'password', ...extra });
const KEY_TYPE_BASE = { componentType: 'key', type: 'key', author: 'Remake', version: '1.0.0', theme: '#007ee5' } as const;

/**
 * GET /keys/types: the key types Remake serves, with Make's parameter specs (SDK mock keys/list-types.json for
 * `basicauth` and `apikeyauth`; the `certificate` type and its parameters are Remake's, see connection-shapes.ts).
 */
const KEY_TYPES = [
  { ...KEY_TYPE_BASE, name: TYPE_MAPPINGS.basic.makeName, label: TYPE_MAPPINGS.basic.label, icon: '', parameters: [text('authUser', 'Username'), secret('authPass', 'Password')] },
  {
    ...KEY_TYPE_BASE,
    name: TYPE_MAPPINGS.apiKey.makeName,
    label: TYPE_MAPPINGS.apiKey.label,
    icon: '',
    parameters: [
      secret('key', 'Key', { required: true }),
      { name: 'placement', label: 'API Key placement', type: 'select', required: true, default: 'header', options: [{ label: 'In the header', value: 'header' }, { label: 'In the query string', value: 'qs' }] },
      text('name', 'API Key parameter name', { required: true, default: 'X-API-Key' }),
    ],
  },
  {
    ...KEY_TYPE_BASE,
    name: TYPE_MAPPINGS.certificate.makeName,
    label: TYPE_MAPPINGS.certificate.label,
    icon: '',
    parameters: [
      { name: 'cert', label: 'Certificate (PEM)', type: 'cert', multiline: true, required: true },
      { name: 'key', label: 'Private key (PEM)', type: 'pkey', multiline: true, required: true },
      { name: 'ca', label: 'CA certificate (PEM)', type: 'cert', multiline: true },
      secret('passphrase', 'Passphrase'),
    ],
  },
];

export function keyRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/keys', requireScope('keys'));
  routes.use('/keys/*', requireScope('keys'));

  routes.get('/keys', async (c) => {
    const teamId = c.req.query('teamId');
    if (teamId === undefined) throw validationFailed(["Missing value of required parameter 'teamId'."]);
    // Another team's list is empty: Remake has team 1 only. GUESS: Make may answer 403 there.
    if (parseOr400(Id, teamId) !== TEAM_ID) return c.json({ keys: [] });
    const typeName = c.req.query('typeName');
    const items = (await credentialsOf(c.get('remake').ports.connections, 'key')).map(apiKey).filter((item) => typeName === undefined || item['typeName'] === typeName);
    return c.json({ keys: items.map((item) => pickCols(c, item)) });
  });

  routes.get('/keys/types', (c) => c.json({ keysTypes: KEY_TYPES }));

  routes.post('/keys', async (c) => {
    const body = parseOr400(CreateBody, await readJson(c));
    if (body.teamId !== TEAM_ID) throw notFound('Team', body.teamId);
    const type = resolveType(body.typeName, 'key', 'typeName');
    const port = c.get('remake').ports.connections;
    const record = await withNextId(port, async (id) => {
      const checked = checkCredential({ id, type, name: body.name, data: toRemakeData(type, body.parameters) }, 'name', 'parameters.');
      await port.save(checked);
      return checked;
    });
    return c.json({ key: apiKey(record) });
  });

  routes.get('/keys/:id', async (c) => c.json({ key: pickCols(c, apiKey(await credentialOf(c, 'key'))) }));

  routes.patch('/keys/:id', async (c) => {
    const record = await credentialOf(c, 'key');
    const body = parseOr400(UpdateBody, await readJson(c, {}));
    // GUESS: parameters left out keep their values, as connections' set-data does.
    const data = body.parameters === undefined ? record.data : { ...record.data, ...toRemakeData(record.type, body.parameters) };
    const next = checkCredential({ ...record, name: body.name ?? record.name, data }, 'name', 'parameters.');
    await c.get('remake').ports.connections.save(next);
    return c.json({ key: pickCols(c, apiKey(next)) });
  });

  routes.delete('/keys/:id', async (c) => {
    const record = await credentialOf(c, 'key');
    const remake = c.get('remake');
    requireConfirmation(c, `Key ${record.id}`, await scenariosUsing(remake, 'key', record.id));
    await remake.ports.connections.remove(record.id);
    return c.json({ key: Number(record.id) }); // GUESS: the answer's shape is not documented.
  });
  return routes;
}
