// Make a request (v3) against a real local server: query strings, headers, bodies, parsing, compression, status
// handling, timeouts and network failures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import busboy from 'busboy';
import { readBody, sendJson, startHttpServer, type TestServer } from '../../../test/support/http-test-server.ts';
import { runModule } from '../../../test/support/module-context.ts';
import { actionSendData } from './action-send-data.ts';

let server: TestServer;

interface MultipartEcho {
  fields: Record<string, string>;
  files: { name: string; fileName: string; mimeType: string; base64: string }[];
}

function parseMultipart(request: Parameters<Parameters<typeof startHttpServer>[0]>[0]): Promise<MultipartEcho> {
  return new Promise((resolve, reject) => {
    const echo: MultipartEcho = { fields: {}, files: [] };
    const parser = busboy({ headers: request.headers });
    parser.on('field', (name, value) => {
      echo.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => echo.files.push({ name, fileName: info.filename ?? '', mimeType: info.mimeType, base64: Buffer.concat(chunks).toString('base64') }));
    });
    parser.on('close', () => resolve(echo));
    parser.on('error', reject);
    request.pipe(parser);
  });
}

before(async () => {
  server = await startHttpServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    switch (url.pathname) {
      case '/echo': {
        const body = await readBody(request);
        return sendJson(response, 200, { method: request.method, query: url.search, headers: request.headers, body: body.toString('utf8') });
      }
      case '/multipart':
        return sendJson(response, 200, await parseMultipart(request));
      case '/xml':
        response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
        return response.end('<?xml version="1.0"?><response><operation><result><status>success</status><data totalcount="2"><item>a</item><item>b</item></data></result></operation></response>');
      case '/text':
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return response.end('plain text ✓');
      case '/image.png':
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
      case '/gzip': {
        const accepts = request.headers['accept-encoding'] ?? '';
        const body = JSON.stringify({ compressed: accepts.includes('gzip'), acceptEncoding: accepts });
        if (!accepts.includes('gzip')) return sendJson(response, 200, JSON.parse(body));
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return response.end(gzipSync(body));
      }
      case '/status': {
        const status = Number(url.searchParams.get('code'));
        const headers: Record<string, string> = status === 429 ? { 'retry-after': '30' } : {};
        return sendJson(response, status, { error: `status ${status}` }, headers);
      }
      case '/slow':
        setTimeout(() => sendJson(response, 200, { late: true }), 3000).unref();
        return undefined;
      case '/bad-json':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('{"oops":');
      default:
        return sendJson(response, 404, { error: 'no such path' });
    }
  });
});

after(() => server.close());

const request = (mapper: Record<string, unknown>, parameters: Record<string, unknown> = {}) =>
  runModule(actionSendData, { parameters: { handleErrors: false, ...parameters }, mapper: { method: 'get', ...mapper } });

async function only(bundles: Promise<Record<string, unknown>[]>): Promise<Record<string, unknown>> {
  const [bundle, ...rest] = await bundles;
  assert.equal(rest.length, 0);
  assert.ok(bundle);
  return bundle;
}

function echoed(bundle: Record<string, unknown>): { method: string; query: string; headers: Record<string, string>; body: string } {
  return bundle['data'] as { method: string; query: string; headers: Record<string, string>; body: string };
}

test('a GET with Parse response gives statusCode, headers as name/value pairs, cookieHeaders and parsed data', async () => {
  const bundle = await only(request({ url: `${server.url}/echo`, parseResponse: true }));
  assert.equal(bundle['statusCode'], 200);
  assert.deepEqual(bundle['cookieHeaders'], []);
  assert.ok((bundle['headers'] as { name: string; value: string }[]).some((header) => header.name === 'content-type' && header.value === 'application/json'));
  assert.equal(echoed(bundle).method, 'GET');
  // Make's requests carry no Accept header of their own.
  assert.equal(echoed(bundle).headers['accept'], undefined);
});

test('without Parse response a JSON body comes out as text', async () => {
  const bundle = await only(request({ url: `${server.url}/echo`, parseResponse: false }));
  assert.equal(typeof bundle['data'], 'string');
  assert.equal(JSON.parse(bundle['data'] as string).method, 'GET');
});

test('repeated query keys become name[0], name[1] unless useQuerystring repeats them; the URL’s own query stays', async () => {
  const qs = [
    { name: 'tag', value: 'a b' },
    { name: 'tag', value: 'c&d' },
    { name: 'one', value: '1' },
  ];
  const indexed = await only(request({ url: `${server.url}/echo?keep=yes`, qs, parseResponse: true }));
  assert.equal(echoed(indexed).query, '?keep=yes&tag%5B0%5D=a%20b&tag%5B1%5D=c%26d&one=1');
  const repeated = await only(request({ url: `${server.url}/echo`, qs, useQuerystring: true, parseResponse: true }));
  assert.equal(echoed(repeated).query, '?tag=a%20b&tag=c%26d&one=1');
});

test('headers are sent; User name and Password send Basic auth', async () => {
  const bundle = await only(
    request({ url: `${server.url}/echo`, headers: [{ name: 'X-Trace', value: 'abc' }, { name: '', value: 'ignored' }], authUser: 'eva', authPass: 's3cret', parseResponse: true }),
  );
  assert.equal(echoed(bundle).headers['x-trace'], 'abc');
  assert.equal(echoed(bundle).headers['authorization'], `Basic ${Buffer.from('eva:s3cret').toString('base64')}`);
});

test('a raw body is sent with the chosen content type; an explicit Content-Type header wins', async () => {
  const raw = await only(request({ url: `${server.url}/echo`, method: 'post', bodyType: 'raw', contentType: 'application/json', data: '{"id":1}', parseResponse: true }));
  assert.equal(echoed(raw).method, 'POST');
  assert.equal(echoed(raw).body, '{"id":1}');
  assert.equal(echoed(raw).headers['content-type'], 'application/json');
  const custom = await only(
    request({ url: `${server.url}/echo`, method: 'put', bodyType: 'raw', contentType: 'custom', headers: [{ name: 'Content-Type', value: 'text/csv' }], data: 'a,b', parseResponse: true }),
  );
  assert.equal(echoed(custom).headers['content-type'], 'text/csv');
  assert.equal(echoed(custom).body, 'a,b');
});

test('x-www-form-urlencoded fields are encoded as a form', async () => {
  const formFields = [
    { key: 'name', value: 'Eva Nováková' },
    { key: 'note', value: 'a&b=c' },
  ];
  const bundle = await only(request({ url: `${server.url}/echo`, method: 'post', bodyType: 'x_www_form_urlencoded', formFields, parseResponse: true }));
  assert.equal(echoed(bundle).headers['content-type'], 'application/x-www-form-urlencoded');
  assert.deepEqual(Object.fromEntries(new URLSearchParams(echoed(bundle).body)), { name: 'Eva Nováková', note: 'a&b=c' });
});

test('multipart form data sends text fields and a file from an earlier module’s binary data', async () => {
  const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
  const formDataFields = [
    { fieldType: 'text', key: 'prompt', value: 'a poster' },
    { fieldType: 'file', key: 'image', data: bytes, fileName: 'invoice.pdf' },
    { fieldType: 'file', key: 'notes', data: 'plain text file', fileName: 'notes.txt' },
  ];
  const bundle = await only(request({ url: `${server.url}/multipart`, method: 'post', bodyType: 'multipart_form_data', formDataFields, parseResponse: true }));
  const echo = bundle['data'] as MultipartEcho;
  assert.deepEqual(echo.fields, { prompt: 'a poster' });
  assert.deepEqual(echo.files, [
    { name: 'image', fileName: 'invoice.pdf', mimeType: 'application/pdf', base64: bytes.toString('base64') },
    { name: 'notes', fileName: 'notes.txt', mimeType: 'text/plain', base64: Buffer.from('plain text file').toString('base64') },
  ]);
});

test('XML is parsed with the root as a collection, child elements as arrays and attributes under _attributes', async () => {
  const bundle = await only(request({ url: `${server.url}/xml`, parseResponse: true }));
  assert.deepEqual(bundle['data'], {
    response: { operation: [{ result: [{ status: ['success'], data: [{ _attributes: { totalcount: '2' }, item: ['a', 'b'] }] }] }] },
  });
  const raw = await only(request({ url: `${server.url}/xml`, parseResponse: false }));
  assert.match(String(raw['data']), /^<\?xml/);
});

test('text comes out as text in its charset; binary as a Buffer with fileSize and fileName from the URL', async () => {
  assert.equal((await only(request({ url: `${server.url}/text`, parseResponse: true })))['data'], 'plain text ✓');
  const image = await only(request({ url: `${server.url}/image.png`, parseResponse: true }));
  assert.ok(Buffer.isBuffer(image['data']));
  assert.deepEqual([...(image['data'] as Buffer)], [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
  assert.equal(image['fileSize'], 6);
  assert.equal(image['fileName'], 'image.png');
});

test('Request compressed content asks for gzip and the body is decompressed; off sends no Accept-Encoding', async () => {
  const on = await only(request({ url: `${server.url}/gzip`, parseResponse: true }));
  assert.deepEqual(on['data'], { compressed: true, acceptEncoding: 'gzip, deflate' });
  const off = await only(request({ url: `${server.url}/gzip`, gzip: false, parseResponse: true }));
  assert.deepEqual(off['data'], { compressed: false, acceptEncoding: '' });
});

test('a 404 is a normal bundle unless Evaluate all states as errors is on, then a RuntimeError', async () => {
  const bundle = await only(request({ url: `${server.url}/status?code=404`, parseResponse: true }));
  assert.equal(bundle['statusCode'], 404);
  assert.deepEqual(bundle['data'], { error: 'status 404' });
  await assert.rejects(request({ url: `${server.url}/status?code=404` }, { handleErrors: true }), {
    name: 'RuntimeError',
    message: 'The server answered 404: {"error":"status 404"}',
  });
});

test('429 is a RateLimitError carrying Retry-After; 503 and 504 are ConnectionErrors; 500 is a RuntimeError', async () => {
  await assert.rejects(request({ url: `${server.url}/status?code=429` }, { handleErrors: true }), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'RateLimitError');
    assert.deepEqual(Reflect.get(error, 'detail'), { statusCode: 429, url: `${server.url}/status?code=429`, body: '{"error":"status 429"}', retryAfter: 30 });
    return true;
  });
  await assert.rejects(request({ url: `${server.url}/status?code=503` }, { handleErrors: true }), { name: 'ConnectionError', message: /^The server answered 503/ });
  await assert.rejects(request({ url: `${server.url}/status?code=504` }, { handleErrors: true }), { name: 'ConnectionError', message: /^The server answered 504/ });
  await assert.rejects(request({ url: `${server.url}/status?code=500` }, { handleErrors: true }), { name: 'RuntimeError', message: /^The server answered 500/ });
  assert.equal((await only(request({ url: `${server.url}/status?code=429` })))['statusCode'], 429);
});

test('a response slower than the timeout is a ModuleTimeoutError', async () => {
  const started = Date.now();
  await assert.rejects(request({ url: `${server.url}/slow`, timeout: 1 }), {
    name: 'ModuleTimeoutError',
    message: `The request to ${new URL(server.url).host} did not finish within 1 second.`,
  });
  assert.ok(Date.now() - started < 2500);
});

test('a refused connection is a ConnectionError; a bad URL a DataError; invalid JSON a DataError', async () => {
  const closed = await startHttpServer(() => undefined);
  const url = closed.url;
  await closed.close();
  await assert.rejects(request({ url: `${url}/x` }), { name: 'ConnectionError', message: /ECONNREFUSED/ });
  await assert.rejects(request({ url: 'not a url' }), { name: 'DataError' });
  await assert.rejects(request({ url: 'ftp://example.com/file' }), { name: 'DataError' });
  await assert.rejects(request({ url: `${server.url}/bad-json`, parseResponse: true }), { name: 'DataError', message: /^The response is not valid JSON/ });
});
