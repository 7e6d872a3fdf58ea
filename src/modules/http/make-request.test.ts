// Make a request v4 (`http:MakeRequest`): body content types, headers as a collection, "Return error if HTTP
// request fails", and the settings Remake refuses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readBody, sendJson, startHttpServer, type TestServer } from '../../../test/support/http-test-server.ts';
import { runModule } from '../../../test/support/module-context.ts';
import { makeRequest } from './make-request.ts';

let server: TestServer;

before(async () => {
  server = await startHttpServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/fail') return sendJson(response, 500, { error: 'boom' });
    const body = await readBody(request);
    sendJson(response, 200, { method: request.method, query: url.search, contentType: request.headers['content-type'] ?? null, body: body.toString('utf8') }, { 'set-cookie': ['a=1', 'b=2'], 'x-one': 'only' });
  });
});

after(() => server.close());

const run = (mapper: Record<string, unknown>, parameters: Record<string, unknown> = {}) =>
  runModule(makeRequest, {
    parameters: { authenticationType: 'noAuth', tlsType: '', proxyKeychain: '', ...parameters },
    mapper: { url: `${server.url}/echo`, method: 'post', parseResponse: true, stopOnHttpError: true, allowRedirects: true, shareCookies: false, requestCompressedContent: true, ...mapper },
  }).then((bundles) => bundles[0] ?? {});

test('a JSON string body is sent as application/json; the output has headers as a collection', async () => {
  const bundle = await run({ contentType: 'json', inputMethod: 'jsonString', jsonStringBodyContent: '{"model":"small"}', queryParameters: [{ name: 'ids', value: '1' }, { name: 'ids', value: '2' }] });
  assert.deepEqual(bundle['data'], { method: 'POST', query: '?ids=1&ids=2', contentType: 'application/json', body: '{"model":"small"}' });
  assert.equal(bundle['statusCode'], 200);
  const headers = bundle['headers'] as Record<string, unknown>;
  assert.deepEqual(headers['set-cookie'], ['a=1', 'b=2']);
  assert.equal(headers['x-one'], 'only');
  assert.equal(headers['content-type'], 'application/json');
  assert.equal(bundle['cookieHeaders'], undefined);
});

test('an empty JSON body sends no body', async () => {
  const bundle = await run({ method: 'get', contentType: 'json', inputMethod: 'jsonString', jsonStringBodyContent: '' });
  assert.deepEqual(bundle['data'], { method: 'GET', query: '', contentType: null, body: '' });
});

test('urlEncoded, custom and multipart bodies', async () => {
  const form = await run({ contentType: 'urlEncoded', urlEncodedBodyContent: [{ name: 'Input.Email', value: 'a@b.cz' }, { name: 'x', value: '1 2' }] });
  assert.deepEqual(form['data'], { method: 'POST', query: '', contentType: 'application/x-www-form-urlencoded', body: 'Input.Email=a%40b.cz&x=1+2' });
  const custom = await run({ contentType: 'custom', contentTypeValue: 'application/xml', rawBodyContent: '<a/>' });
  assert.deepEqual(custom['data'], { method: 'POST', query: '', contentType: 'application/xml', body: '<a/>' });
  const multipart = await run({ contentType: 'multipart', multipartBodyContent: [{ name: 'field', value: 'v' }] });
  const data = multipart['data'] as { contentType: string; body: string };
  assert.match(data.contentType, /^multipart\/form-data; boundary=/);
  assert.match(data.body, /name="field"\r\n\r\nv\r\n/);
});

test('stopOnHttpError fails on a 500; off returns it; parseResponse off gives text', async () => {
  await assert.rejects(run({ url: `${server.url}/fail`, method: 'get' }), { name: 'RuntimeError', message: 'The server answered 500: {"error":"boom"}' });
  const bundle = await run({ url: `${server.url}/fail`, method: 'get', stopOnHttpError: false, parseResponse: false });
  assert.equal(bundle['statusCode'], 500);
  assert.equal(bundle['data'], '{"error":"boom"}');
});

test('pagination and proxies are refused with an InvalidConfigurationError', async () => {
  await assert.rejects(run({ method: 'get', paginationType: 'pageBased' }), { name: 'InvalidConfigurationError', message: /Pagination \(pageBased\)/ });
  await assert.rejects(run({ method: 'get' }, { proxyKeychain: 42 }), { name: 'InvalidConfigurationError', message: /Proxies/ });
  await assert.rejects(run({ method: 'get' }, { authenticationType: 'digest' }), { name: 'InvalidConfigurationError', message: /Authentication type "digest"/ });
});
