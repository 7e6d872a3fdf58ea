// accessTokenFor against a real token endpoint on 127.0.0.1: expiry with a moving ctx.now, refresh-token rotation,
// client authentication in the body or with HTTP Basic, refused grants, and tokens saved to a real SQLite store.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestModuleContext } from '../../../test/support/module-context.ts';
import { MakeError } from '../../executor/make-error.ts';
import type { ModuleContext } from '../../executor/module-api.ts';
import type { ConnectionRecord, ExecutorPorts } from '../../executor/ports.ts';
import { createSqlitePorts } from '../../storage/sqlite/create-sqlite-ports.ts';
import { accessTokenFor } from './oauth2-token.ts';

interface TokenRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly form: Record<string, string>;
}

/** The token endpoint: `/cc` client credentials (body auth), `/cc-basic` client credentials (Basic auth), `/rt` rotating refresh tokens. */
const requests: TokenRequest[] = [];
let issued = 0;
let validRefreshToken = 'r1';
let server: Server;
let base = '';

function answer(status: number, body: unknown) {
  return { status, body: JSON.stringify(body) };
}

function tokenEndpoint(request: TokenRequest): { status: number; body: string } {
  const { form } = request;
  if (request.path === '/cc') {
    if (form['grant_type'] !== 'client_credentials' || form['client_id'] !== 'app' || form['client_secret'] !== 's3cret') return answer(401, { error: 'invalid_client' });
    issued += 1;
    return answer(200, { access_token: `cc-${issued}`, token_type: 'Bearer', expires_in: 120 });
  }
  if (request.path === '/cc-basic') {
    const expected = `Basic ${Buffer.from('my+app:p%26ss+word').toString('base64')}`;
    if (request.authorization !== expected || 'client_secret' in form) return answer(401, { error: 'invalid_client', error_description: 'Basic auth expected' });
    issued += 1;
    // expires_in as text, as some servers send it
    return answer(200, { access_token: `basic-${issued}`, token_type: 'Bearer', expires_in: '3600', scope: form['scope'] });
  }
  if (request.path === '/rt') {
    if (form['grant_type'] !== 'refresh_token') return answer(400, { error: 'unsupported_grant_type' });
    if (form['refresh_token'] !== validRefreshToken) return answer(400, { error: 'invalid_grant', error_description: 'Refresh token is invalid or was already used' });
    issued += 1;
    validRefreshToken = `r${issued + 1}`;
    return answer(200, { access_token: `rt-${issued}`, token_type: 'Bearer', expires_in: 300, refresh_token: validRefreshToken });
  }
  if (request.path === '/broken') return answer(503, { error: 'temporarily_unavailable' });
  return answer(404, { error: 'not_found' });
}

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

let opened = 0;
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'remake-oauth2-'));
let ports: (ExecutorPorts & { close(): void }) | undefined;

before(async () => {
  server = createServer((req, res) => {
    void readForm(req).then((form) => {
      const request: TokenRequest = { path: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], form };
      requests.push(request);
      const { status, body } = tokenEndpoint(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  ports?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(directory, { recursive: true, force: true });
});

beforeEach(() => {
  requests.length = 0;
  issued = 0;
  validRefreshToken = 'r1';
  ports?.close();
  ports = createSqlitePorts(path.join(directory, `${opened++}.sqlite`), { secretKey: Buffer.alloc(32, 9) });
});

/** The open ports of the current test. */
function store(): ExecutorPorts['connections'] {
  if (!ports) throw new Error('ports are opened in beforeEach');
  return ports.connections;
}

const T0 = new Date('2024-01-02T03:04:05.000Z');

function at(secondsAfterT0: number): ModuleContext {
  return createTestModuleContext({ now: new Date(T0.getTime() + secondsAfterT0 * 1000), connections: store() });
}

function oauth(id: string, data: Record<string, unknown>): ConnectionRecord {
  return { id, type: 'oauth2', name: `OAuth ${id}`, data: { clientId: 'app', clientSecret: 's3cret', ...data } };
}

function makeError(type: string, message: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof MakeError && error.type === type && message.test(error.message);
}

describe('accessTokenFor', () => {
  it('gets a client-credentials token, reuses it while fresh and refreshes it within 60 s of expiry', async () => {
    await store().save(oauth('10', { grantType: 'client_credentials', tokenUrl: `${base}/cc`, scope: 'read write' }));
    assert.equal(await accessTokenFor(at(0), '10'), 'cc-1');
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(requests[0]?.form, { grant_type: 'client_credentials', scope: 'read write', client_id: 'app', client_secret: 's3cret' });
    assert.equal(requests[0]?.authorization, undefined);

    const saved = await store().get('10');
    assert.equal(saved?.data['accessToken'], 'cc-1');
    assert.equal(saved?.data['expiresAt'], '2024-01-02T03:06:05.000Z');
    assert.equal(saved?.data['clientSecret'], 's3cret');

    assert.equal(await accessTokenFor(at(59), '10'), 'cc-1', 'still 61 s left');
    assert.equal(requests.length, 1);
    assert.equal(await accessTokenFor(at(61), '10'), 'cc-2', '59 s left: refreshed first');
    assert.equal(requests.length, 2);
    assert.equal((await store().get('10'))?.data['expiresAt'], '2024-01-02T03:07:06.000Z');
    assert.equal(await accessTokenFor(at(61), '10', { forceRefresh: true }), 'cc-3', 'forceRefresh after a 401');
  });

  it('sends the client id and secret with HTTP Basic when clientAuth is basic', async () => {
    await store().save({
      id: '11',
      type: 'oauth2',
      name: 'Basic',
      data: { grantType: 'client_credentials', tokenUrl: `${base}/cc-basic`, clientId: 'my app', clientSecret: 'p&ss word', clientAuth: 'basic', scope: 'api' },
    });
    assert.equal(await accessTokenFor(at(0), '11'), 'basic-1');
    assert.deepEqual(requests[0]?.form, { grant_type: 'client_credentials', scope: 'api' });
    assert.equal((await store().get('11'))?.data['expiresAt'], '2024-01-02T04:04:05.000Z');
  });

  it('refreshes an authorization-code token and saves the rotated refresh token', async () => {
    await store().save(oauth('12', { grantType: 'authorization_code', tokenUrl: `${base}/rt`, accessToken: 'old', expiresAt: T0.toISOString(), refreshToken: 'r1' }));
    assert.equal(await accessTokenFor(at(0), '12'), 'rt-1');
    assert.deepEqual(requests[0]?.form, { grant_type: 'refresh_token', refresh_token: 'r1', client_id: 'app', client_secret: 's3cret' });
    let saved = await store().get('12');
    assert.deepEqual(saved?.data, {
      clientId: 'app',
      clientSecret: 's3cret',
      grantType: 'authorization_code',
      tokenUrl: `${base}/rt`,
      accessToken: 'rt-1',
      refreshToken: 'r2',
      expiresAt: '2024-01-02T03:09:05.000Z',
    });

    assert.equal(await accessTokenFor(at(100), '12'), 'rt-1');
    assert.equal(await accessTokenFor(at(250), '12'), 'rt-2', 'the rotated refresh token r2 works');
    assert.equal(requests[1]?.form['refresh_token'], 'r2');
    saved = await store().get('12');
    assert.equal(saved?.data['refreshToken'], 'r3');
    assert.equal(saved?.data['accessToken'], 'rt-2');
  });

  it('turns invalid_grant into InvalidAccessTokenError with the endpoint’s description', async () => {
    await store().save(oauth('13', { grantType: 'authorization_code', tokenUrl: `${base}/rt`, refreshToken: 'spent' }));
    await assert.rejects(accessTokenFor(at(0), '13'), makeError('InvalidAccessTokenError', /refused the refresh_token grant: invalid_grant \(Refresh token is invalid or was already used\)/));
    assert.equal((await store().get('13'))?.data['accessToken'], undefined, 'nothing saved');

    await store().save(oauth('14', { grantType: 'client_credentials', tokenUrl: `${base}/cc`, clientSecret: 'wrong' }));
    await assert.rejects(accessTokenFor(at(0), '14'), makeError('InvalidAccessTokenError', /connection '14' refused the client_credentials grant: invalid_client/));
  });

  it('needs a refresh token once an authorization-code token has expired', async () => {
    await store().save(oauth('15', { grantType: 'authorization_code', tokenUrl: `${base}/rt`, accessToken: 'old', expiresAt: T0.toISOString() }));
    await assert.rejects(accessTokenFor(at(0), '15'), makeError('InvalidAccessTokenError', /'15' has an expired access token and no refresh token/));
    await store().save(oauth('16', { grantType: 'authorization_code', tokenUrl: `${base}/rt`, accessToken: 'forever' }));
    assert.equal(await accessTokenFor(at(0), '16'), 'forever', 'a token without expiresAt is used as is');
    assert.equal(requests.length, 0);
  });

  it('reports unknown, non-OAuth and invalid connections as InvalidConfigurationError naming the id', async () => {
    await assert.rejects(accessTokenFor(at(0), '404'), makeError('InvalidConfigurationError', /Connection '404' does not exist/));
    await store().save({ id: '17', type: 'basic', name: 'B', data: { username: 'u', password: 'p' } });
    await assert.rejects(accessTokenFor(at(0), '17'), makeError('InvalidConfigurationError', /'17' is a basic connection, not an OAuth 2.0 one/));
    await store().save(oauth('18', { grantType: 'client_credentials', tokenUrl: 'not a url' }));
    await assert.rejects(accessTokenFor(at(0), '18'), makeError('InvalidConfigurationError', /'18': data\.tokenUrl must be an http\(s\) URL/));
  });

  it('reports an unreachable or failing endpoint as ConnectionError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/token`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await store().save(oauth('19', { grantType: 'client_credentials', tokenUrl: deadUrl }));
    await assert.rejects(accessTokenFor(at(0), '19'), makeError('ConnectionError', /Cannot reach the token endpoint .* of connection '19'/));
    await store().save(oauth('20', { grantType: 'client_credentials', tokenUrl: `${base}/broken` }));
    await assert.rejects(accessTokenFor(at(0), '20'), makeError('ConnectionError', /failed with HTTP 503/));
  });

  it('shares one refresh between concurrent callers of an execution', async () => {
    await store().save(oauth('21', { grantType: 'authorization_code', tokenUrl: `${base}/rt`, refreshToken: 'r1' }));
    const ctx = at(0);
    const tokens = await Promise.all([accessTokenFor(ctx, '21'), accessTokenFor(ctx, '21'), accessTokenFor(ctx, '21')]);
    assert.deepEqual(tokens, ['rt-1', 'rt-1', 'rt-1']);
    assert.equal(requests.length, 1, 'the rotating refresh token was spent once');
  });
});
