// An HTTP scenario end to end through runBlueprint: a webhook's items are fetched one by one from a local server,
// a 503 is caught by an error handler whose Resume directive stands in for the response, and a later module maps
// both real and substituted `data`. A second run shares a login cookie and authenticates with a keychain.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runBlueprint } from '../src/core/index.ts';
import { sendJson, startHttpServer, type TestServer } from './support/http-test-server.ts';

let server: TestServer;

before(async () => {
  server = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const id = url.pathname.split('/').pop() ?? '';
    if (url.pathname === '/login') return sendJson(response, 200, { ok: true }, { 'set-cookie': 'sid=s-42; Path=/' });
    if (url.pathname === '/me') return sendJson(response, 200, { cookie: request.headers.cookie ?? null, auth: request.headers.authorization ?? null });
    if (id === 'B') return sendJson(response, 503, { error: 'maintenance' });
    return sendJson(response, 200, { id, status: 'shipped' });
  });
});

after(() => server.close());

const designer = { designer: { x: 0, y: 0 } };
const settings = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };
const scenario = (flow: unknown[]) => ({ name: 'http run', flow, metadata: { instant: true, version: 1, scenario: settings, designer: { orphans: [] } } });

const httpModule = (id: number, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  module: 'http:ActionSendData',
  version: 3,
  parameters: { handleErrors: true, useNewZLibDeCompress: true },
  mapper: {
    url,
    method: 'get',
    headers: [],
    qs: [],
    bodyType: '',
    parseResponse: true,
    timeout: '',
    shareCookies: false,
    ca: '',
    rejectUnauthorized: true,
    followRedirect: true,
    useQuerystring: false,
    gzip: true,
    useMtls: false,
    serializeUrl: false,
    followAllRedirects: false,
    ...extra,
  },
  metadata: designer,
});

test('a 503 handled by Resume continues with the substitute data; the other items keep their responses', async () => {
  const blueprint = scenario([
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1, maxResults: 1 }, mapper: {}, metadata: designer },
    { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.items}}' }, metadata: designer },
    {
      ...httpModule(3, `${server.url}/orders/{{2.value}}`),
      onerror: [{ id: 9, module: 'builtin:Resume', version: 1, mapper: { data: { id: '{{2.value}}', status: 'unknown ({{3.error.type}})' } }, metadata: designer }],
    },
    { id: 4, module: 'util:TextAggregator', version: 1, parameters: { feeder: 2, rowSeparator: '\n' }, mapper: { value: '{{3.data.id}}: {{3.data.status}}' }, metadata: designer },
    { id: 5, module: 'gateway:WebhookRespond', version: 1, mapper: { status: '200', body: '{{4.text}}', headers: [] }, metadata: designer },
  ]);
  const report = await runBlueprint({ blueprint, input: { items: ['A', 'B', 'C'] } });
  assert.equal(report.status, 'success', JSON.stringify(report.error));
  assert.equal(report.response?.body, 'A: shipped\nB: unknown (ConnectionError)\nC: shipped');
  const http = report.modules['3'];
  assert.equal(http?.operations, 3);
  assert.deepEqual(
    http?.errors.map((error) => error.type),
    ['ConnectionError'],
  );
});

test('modules sharing cookies keep a login session; a Basic Auth keychain comes from the run’s connections', async () => {
  const blueprint = scenario([
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1, maxResults: 1 }, mapper: {}, metadata: designer },
    httpModule(2, `${server.url}/login`, { shareCookies: true }),
    { ...httpModule(3, `${server.url}/me`, { shareCookies: true }), module: 'http:ActionSendDataBasicAuth', parameters: { key: 71843, handleErrors: true } },
    { id: 4, module: 'gateway:WebhookRespond', version: 1, mapper: { status: '200', body: '{{3.data.cookie}} {{3.data.auth}}', headers: [] }, metadata: designer },
  ]);
  const connections = [{ id: '71843', type: 'basic', name: 'Shop', data: { username: 'eva', password: 'pw' } }];
  const report = await runBlueprint({ blueprint, input: {}, connections });
  assert.equal(report.status, 'success', JSON.stringify(report.error));
  assert.equal(report.response?.body, `sid=s-42 Basic ${Buffer.from('eva:pw').toString('base64')}`);
});
