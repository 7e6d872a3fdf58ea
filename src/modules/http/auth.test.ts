// Keychains and connections: Basic Auth, API key (header and query), OAuth 2.0 with a refresh after a 401, v4's
// authentication types, and missing keychains.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { memoryConnections, readBody, sendJson, startHttpServer, type TestServer } from '../../../test/support/http-test-server.ts';
import { createTestModuleContext, runModule } from '../../../test/support/module-context.ts';
import type { ConnectionRecord } from '../../executor/ports.ts';
import { actionSendDataApiKeyAuth } from './action-send-data-api-key-auth.ts';
import { actionSendDataBasicAuth } from './action-send-data-basic-auth.ts';
import { actionSendDataOAuth } from './action-send-data-oauth.ts';
import { makeRequest } from './make-request.ts';

let server: TestServer;
const tokenRequests: string[] = [];

before(async () => {
  server = await startHttpServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/token') {
      tokenRequests.push((await readBody(request)).toString('utf8'));
      return sendJson(response, 200, { access_token: 'fresh-token', token_type: 'Bearer', expires_in: 3600 });
    }
    if (url.pathname === '/always-401') return sendJson(response, 401, { error: 'invalid_token' });
    if (url.pathname === '/oauth-api') {
      if (request.headers.authorization !== 'Bearer fresh-token') return sendJson(response, 401, { error: 'invalid_token' });
      return sendJson(response, 200, { authorized: true });
    }
    return sendJson(response, 200, { authorization: request.headers.authorization ?? null, apiKey: request.headers['x-api-key'] ?? null, query: url.search });
  });
});

after(() => server.close());

function records(): ConnectionRecord[] {
  return [
    { id: '71843', type: 'basic', name: 'AFK Crypto', data: { username: 'eva', password: 'pa:ss' } },
    { id: '106516', type: 'apiKey', name: 'Header key', data: { key: 'k-123', placement: 'header', name: 'X-Api-Key' } },
    { id: '106517', type: 'apiKey', name: 'Query key', data: { key: 'k 456', placement: 'query', name: 'api_key' } },
    {
      id: '3416151',
      type: 'oauth2',
      name: 'DeviantArt',
      data: { grantType: 'authorization_code', tokenUrl: `${server.url}/token`, clientId: 'client', clientSecret: 'secret', accessToken: 'revoked-token', refreshToken: 'r-1', expiresAt: '2999-01-01T00:00:00Z' },
    },
  ];
}

const mapper = (path: string) => ({ url: `${server.url}${path}`, method: 'get', parseResponse: true });

test('Make a Basic Auth request sends the keychain’s user and password', async () => {
  const ctx = createTestModuleContext({ connections: memoryConnections(records()) });
  const [bundle] = await runModule(actionSendDataBasicAuth, { parameters: { key: 71843, handleErrors: true }, mapper: mapper('/echo') }, ctx);
  assert.deepEqual(bundle?.['data'], { authorization: `Basic ${Buffer.from('eva:pa:ss').toString('base64')}`, apiKey: null, query: '' });
});

test('Make an API Key Auth request puts the key in the named header or in the query string', async () => {
  const ctx = createTestModuleContext({ connections: memoryConnections(records()) });
  const [header] = await runModule(actionSendDataApiKeyAuth, { parameters: { auth: 106516, handleErrors: true }, mapper: mapper('/echo') }, ctx);
  assert.deepEqual(header?.['data'], { authorization: null, apiKey: 'k-123', query: '' });
  const [query] = await runModule(actionSendDataApiKeyAuth, { parameters: { auth: '106517', handleErrors: true }, mapper: { ...mapper('/echo?x=1'), qs: [{ name: 'y', value: '2' }] } }, ctx);
  assert.deepEqual(query?.['data'], { authorization: null, apiKey: null, query: '?x=1&y=2&api_key=k%20456' });
});

test('Make an OAuth 2.0 request refreshes the token once when the API answers 401, and saves it', async () => {
  tokenRequests.length = 0;
  const connections = memoryConnections(records());
  const ctx = createTestModuleContext({ connections });
  const [bundle] = await runModule(actionSendDataOAuth, { parameters: { account: 3416151, handleErrors: true }, mapper: mapper('/oauth-api') }, ctx);
  assert.deepEqual(bundle?.['data'], { authorized: true });
  assert.equal(tokenRequests.length, 1);
  assert.match(tokenRequests[0] ?? '', /grant_type=refresh_token&refresh_token=r-1/);
  assert.equal(connections.saved[0]?.data['accessToken'], 'fresh-token');
  // The next call uses the saved token without refreshing again.
  await runModule(actionSendDataOAuth, { parameters: { account: 3416151, handleErrors: true }, mapper: mapper('/oauth-api') }, ctx);
  assert.equal(tokenRequests.length, 1);
});

test('a 401 that persists after the refresh is the output, or a RuntimeError with handleErrors', async () => {
  tokenRequests.length = 0;
  const ctx = createTestModuleContext({ connections: memoryConnections(records()) });
  const [bundle] = await runModule(actionSendDataOAuth, { parameters: { account: 3416151, handleErrors: false }, mapper: mapper('/always-401') }, ctx);
  assert.equal(bundle?.['statusCode'], 401);
  assert.equal(tokenRequests.length, 1);
  await assert.rejects(runModule(actionSendDataOAuth, { parameters: { account: 3416151, handleErrors: true }, mapper: mapper('/always-401') }, ctx), { name: 'RuntimeError', message: /^The server answered 401/ });
});

test('a token endpoint that answers without a token fails the OAuth 2.0 request', async () => {
  const broken = records().map((record) => (record.id === '3416151' ? { ...record, data: { ...record.data, tokenUrl: `${server.url}/not-a-token-endpoint` } } : record));
  const ctx = createTestModuleContext({ connections: memoryConnections(broken) });
  await assert.rejects(runModule(actionSendDataOAuth, { parameters: { account: 3416151, handleErrors: true }, mapper: mapper('/oauth-api') }, ctx), { name: 'RuntimeError', message: /without an access_token/ });
});

test('a missing keychain or connection is an InvalidConfigurationError naming it', async () => {
  const ctx = createTestModuleContext({ connections: memoryConnections(records()) });
  await assert.rejects(runModule(actionSendDataBasicAuth, { parameters: { key: 5, handleErrors: true }, mapper: mapper('/echo') }, ctx), {
    name: 'InvalidConfigurationError',
    message: /Connection '5' does not exist/,
  });
  await assert.rejects(runModule(actionSendDataApiKeyAuth, { parameters: { auth: 71843 }, mapper: mapper('/echo') }, ctx), {
    name: 'InvalidConfigurationError',
    message: "Connection '71843' is a basic connection, not an API key one.",
  });
  await assert.rejects(runModule(actionSendDataOAuth, { parameters: { account: 8 }, mapper: mapper('/echo') }, ctx), { name: 'InvalidConfigurationError', message: /Connection '8' does not exist/ });
  await assert.rejects(runModule(actionSendDataOAuth, { parameters: {}, mapper: mapper('/echo') }, ctx), { name: 'InvalidConfigurationError', message: /parameters\.account/ });
});

test('v4 authenticationType picks the keychain parameter: apiKeyKeychain, basicAuthKeychain', async () => {
  const ctx = createTestModuleContext({ connections: memoryConnections(records()) });
  const run = (parameters: Record<string, unknown>) =>
    runModule(makeRequest, { parameters, mapper: { ...mapper('/echo'), stopOnHttpError: true } }, ctx).then((bundles) => bundles[0]?.['data']);
  assert.deepEqual(await run({ authenticationType: 'apiKey', apiKeyKeychain: 106516 }), { authorization: null, apiKey: 'k-123', query: '' });
  assert.deepEqual(await run({ authenticationType: 'basicAuth', basicAuthKeychain: 71843 }), { authorization: `Basic ${Buffer.from('eva:pa:ss').toString('base64')}`, apiKey: null, query: '' });
  assert.deepEqual(await run({ authenticationType: 'noAuth', apiKeyKeychain: '' }), { authorization: null, apiKey: null, query: '' });
  await assert.rejects(run({ authenticationType: 'apiKey', apiKeyKeychain: '<API_KEYCHAIN_ID>' }), { name: 'InvalidConfigurationError', message: /<API_KEYCHAIN_ID>/ });
});
