// Cookies: "Share cookies with other HTTP modules" carries a login's cookie to a later module of the same run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sendJson, startHttpServer, type TestServer } from '../../../test/support/http-test-server.ts';
import { createTestModuleContext, runModule } from '../../../test/support/module-context.ts';
import { actionSendData } from './action-send-data.ts';
import { getFile } from './get-file.ts';

let server: TestServer;

before(async () => {
  server = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/login') return sendJson(response, 200, { ok: true }, { 'set-cookie': ['session=abc123; Path=/; HttpOnly', 'theme=dark; Path=/'] });
    if (url.pathname === '/login-redirect') {
      response.writeHead(302, { location: '/whoami', 'set-cookie': 'hop=1; Path=/' });
      return response.end();
    }
    return sendJson(response, 200, { cookie: request.headers.cookie ?? null });
  });
});

after(() => server.close());

const call = (ctx: ReturnType<typeof createTestModuleContext>, path: string, shareCookies: boolean) =>
  runModule(actionSendData, { parameters: { handleErrors: true }, mapper: { url: `${server.url}${path}`, method: 'get', parseResponse: true, shareCookies } }, ctx).then(
    (bundles) => bundles[0] ?? {},
  );

test('a cookie set for one module is sent by a later module of the run when both share cookies', async () => {
  const ctx = createTestModuleContext();
  const login = await call(ctx, '/login', true);
  assert.deepEqual(login['cookieHeaders'], ['session=abc123; Path=/; HttpOnly', 'theme=dark; Path=/']);
  assert.deepEqual((await call(ctx, '/whoami', true))['data'], { cookie: 'session=abc123; theme=dark' });
  // Get a file shares the same jar.
  const file = (await runModule(getFile, { parameters: { handleErrors: true }, mapper: { url: `${server.url}/whoami`, shareCookies: true } }, ctx))[0] ?? {};
  assert.equal(String(file['data']), '{"cookie":"session=abc123; theme=dark"}');
});

test('a module that does not share cookies neither sends nor keeps the shared ones', async () => {
  const ctx = createTestModuleContext();
  await call(ctx, '/login', false);
  assert.deepEqual((await call(ctx, '/whoami', true))['data'], { cookie: null });
  await call(ctx, '/login', true);
  assert.deepEqual((await call(ctx, '/whoami', false))['data'], { cookie: null });
});

test('another run starts with an empty jar', async () => {
  await call(createTestModuleContext(), '/login', true);
  assert.deepEqual((await call(createTestModuleContext(), '/whoami', true))['data'], { cookie: null });
});

test('a cookie set by a redirect is sent to the next hop of the same call', async () => {
  assert.deepEqual((await call(createTestModuleContext(), '/login-redirect', false))['data'], { cookie: 'hop=1' });
});
