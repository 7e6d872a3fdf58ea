// Get a file (v2, v3), Download a file (v4), Resolve a target URL and Retrieve headers against a real server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sendJson, startHttpServer, type TestServer } from '../../../test/support/http-test-server.ts';
import { runModule } from '../../../test/support/module-context.ts';
import { downloadFile } from './download-file.ts';
import { getFile } from './get-file.ts';
import { getFileV2 } from './get-file-v2.ts';
import { resolveTargetUrl } from './resolve-target-url.ts';
import { retrieveHeaders } from './retrieve-headers.ts';

let server: TestServer;
const pdf = Buffer.from('%PDF-1.4 fake');

before(async () => {
  server = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    switch (url.pathname) {
      case '/download':
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="plain.pdf"; filename*=UTF-8''faktura%20%C4%8D.1.pdf`, 'x-query': url.search, 'x-auth': request.headers['x-token'] ?? '' });
        return response.end(pdf);
      case '/files/report.json':
        return sendJson(response, 200, { not: 'parsed' });
      case '/short':
        response.writeHead(301, { location: '/hop' });
        return response.end();
      case '/hop':
        response.writeHead(302, { location: `${server.url}/files/report.json?v=2` });
        return response.end();
      default:
        return sendJson(response, 404, { error: 'missing' });
    }
  });
});

after(() => server.close());

test('Get a file outputs the body as binary with the Content-Disposition name and its size', async () => {
  const [bundle] = await runModule(getFile, { parameters: { handleErrors: false }, mapper: { url: `${server.url}/download`, method: 'get', serializeUrl: false, shareCookies: false } });
  assert.ok(Buffer.isBuffer(bundle?.['data']));
  assert.equal(String(bundle?.['data']), '%PDF-1.4 fake');
  assert.equal(bundle?.['fileName'], 'faktura č.1.pdf');
  assert.equal(bundle?.['fileSize'], pdf.length);
  assert.equal(bundle?.['statusCode'], 200);
});

test('a JSON file stays binary and is named after the URL path', async () => {
  const [bundle] = await runModule(getFile, { parameters: { handleErrors: true }, mapper: { url: `${server.url}/files/report.json` } });
  assert.ok(Buffer.isBuffer(bundle?.['data']));
  assert.equal(bundle?.['fileName'], 'report.json');
});

test('Get a file fails on a 404 only with handleErrors; v2 always does', async () => {
  const [bundle] = await runModule(getFile, { parameters: { handleErrors: false }, mapper: { url: `${server.url}/nothing` } });
  assert.equal(bundle?.['statusCode'], 404);
  await assert.rejects(runModule(getFile, { parameters: { handleErrors: true }, mapper: { url: `${server.url}/nothing` } }), { name: 'RuntimeError' });
  await assert.rejects(runModule(getFileV2, { parameters: {}, mapper: { url: `${server.url}/nothing`, method: 'GET', headers: [], qs: [] } }), { name: 'RuntimeError' });
});

test('Get a file v2 sends headers and query string', async () => {
  const [bundle] = await runModule(getFileV2, {
    parameters: {},
    mapper: { url: `${server.url}/download`, method: 'GET', headers: [{ name: 'X-Token', value: 't1' }], qs: [{ name: 'format', value: 'pdf' }] },
  });
  const headers = bundle?.['headers'] as { name: string; value: string }[];
  assert.ok(headers.some((header) => header.name === 'x-query' && header.value === '?format=pdf'));
  assert.ok(headers.some((header) => header.name === 'x-auth' && header.value === 't1'));
});

test('Download a file (v4) outputs headers as a collection and fails on errors by default', async () => {
  const [bundle] = await runModule(downloadFile, { parameters: { authenticationType: 'noAuth' }, mapper: { url: `${server.url}/download`, stopOnHttpError: true, shareCookies: false } });
  assert.equal(bundle?.['fileName'], 'faktura č.1.pdf');
  assert.equal((bundle?.['headers'] as Record<string, unknown>)['content-type'], 'application/pdf');
  await assert.rejects(runModule(downloadFile, { parameters: { authenticationType: 'noAuth' }, mapper: { url: `${server.url}/nothing` } }), { name: 'RuntimeError' });
});

test('Resolve a target URL follows the redirect chain and outputs where it ends', async () => {
  assert.deepEqual(await runModule(resolveTargetUrl, { parameters: {}, mapper: { url: `${server.url}/short` } }), [{ url: `${server.url}/files/report.json?v=2` }]);
  assert.deepEqual(await runModule(resolveTargetUrl, { parameters: {}, mapper: { url: `${server.url}/nothing` } }), [{ url: `${server.url}/nothing` }]);
});

test('Retrieve headers gives one bundle per header, from v3 lists and v4 collections', async () => {
  const v3 = [
    { name: 'content-type', value: 'text/html' },
    { name: 'set-cookie', value: 'a=1' },
  ];
  assert.deepEqual(await runModule(retrieveHeaders, { parameters: {}, mapper: { headers: v3 } }), [
    { name: 'content-type', value: 'text/html', __IMTINDEX__: 1, __IMTLENGTH__: 2 },
    { name: 'set-cookie', value: 'a=1', __IMTINDEX__: 2, __IMTLENGTH__: 2 },
  ]);
  assert.deepEqual(await runModule(retrieveHeaders, { parameters: {}, mapper: { headers: { server: 'nginx', 'set-cookie': ['a=1', 'b=2'] } } }), [
    { name: 'server', value: 'nginx', __IMTINDEX__: 1, __IMTLENGTH__: 3 },
    { name: 'set-cookie', value: 'a=1', __IMTINDEX__: 2, __IMTLENGTH__: 3 },
    { name: 'set-cookie', value: 'b=2', __IMTINDEX__: 3, __IMTLENGTH__: 3 },
  ]);
  assert.deepEqual(await runModule(retrieveHeaders, { parameters: {}, mapper: {} }), []);
});
