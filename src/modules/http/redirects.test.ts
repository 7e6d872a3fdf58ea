// Redirect chains on a real server: Follow redirect (GET only), Follow all redirects (POST too), none, and loops.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readBody, sendJson, startHttpServer, type TestServer } from '../../../test/support/http-test-server.ts';
import { runModule } from '../../../test/support/module-context.ts';
import { actionSendData } from './action-send-data.ts';
import { makeRequest } from './make-request.ts';

let server: TestServer;

before(async () => {
  server = await startHttpServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const hop = (status: number, location: string) => {
      response.writeHead(status, { location });
      response.end();
    };
    switch (url.pathname) {
      case '/start':
        return hop(302, '/middle');
      case '/middle':
        return hop(301, `${server.url}/final?from=middle`);
      case '/keep':
        return hop(307, '/final');
      case '/see-other':
        return hop(303, '/final');
      case '/loop':
        return hop(302, '/loop');
      case '/final': {
        const body = await readBody(request);
        return sendJson(response, 200, { method: request.method, path: url.pathname + url.search, body: body.toString('utf8') });
      }
      default:
        return sendJson(response, 404, {});
    }
  });
});

after(() => server.close());

const send = (mapper: Record<string, unknown>) =>
  runModule(actionSendData, { parameters: { handleErrors: false }, mapper: { parseResponse: true, ...mapper } }).then((bundles) => bundles[0] ?? {});

test('Follow redirect follows a GET through a chain of 302 and 301', async () => {
  const bundle = await send({ url: `${server.url}/start`, method: 'get' });
  assert.equal(bundle['statusCode'], 200);
  assert.deepEqual(bundle['data'], { method: 'GET', path: '/final?from=middle', body: '' });
});

test('Follow redirect does not follow a POST; Follow all redirects does, continuing as GET', async () => {
  const post = { url: `${server.url}/see-other`, method: 'post', bodyType: 'raw', contentType: 'text/plain', data: 'hello' };
  const stopped = await send(post);
  assert.equal(stopped['statusCode'], 303);
  assert.ok((stopped['headers'] as { name: string; value: string }[]).some((header) => header.name === 'location' && header.value === '/final'));
  const followed = await send({ ...post, followAllRedirects: true });
  assert.deepEqual(followed['data'], { method: 'GET', path: '/final', body: '' });
});

test('a 307 repeats the method and body when all redirects are followed', async () => {
  const bundle = await send({ url: `${server.url}/keep`, method: 'post', bodyType: 'raw', contentType: 'text/plain', data: 'hello', followAllRedirects: true });
  assert.deepEqual(bundle['data'], { method: 'POST', path: '/final', body: 'hello' });
});

test('with redirects off the 3xx response is the output', async () => {
  const bundle = await send({ url: `${server.url}/start`, method: 'get', followRedirect: false });
  assert.equal(bundle['statusCode'], 302);
});

test('a redirect loop stops after 10 redirects with a RuntimeError', async () => {
  await assert.rejects(send({ url: `${server.url}/loop`, method: 'get' }), { name: 'RuntimeError', message: /redirected more than 10 times/ });
});

test('v4 Allow redirects follows POST redirects too; off returns the 3xx', async () => {
  const run = (allowRedirects: boolean) =>
    runModule(makeRequest, {
      parameters: { authenticationType: 'noAuth' },
      mapper: { url: `${server.url}/keep`, method: 'post', contentType: 'json', inputMethod: 'jsonString', jsonStringBodyContent: '{"a":1}', parseResponse: true, stopOnHttpError: true, allowRedirects },
    }).then((bundles) => bundles[0] ?? {});
  assert.deepEqual((await run(true))['data'], { method: 'POST', path: '/final', body: '{"a":1}' });
  assert.equal((await run(false))['statusCode'], 307);
});
