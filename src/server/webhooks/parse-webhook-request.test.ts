// Request → WebhookRequest for each body type: real multipart bytes from FormData, nested urlencoded fields, JSON
// errors with their position, text fallbacks and empty bodies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebhookRequest } from '../../executor/module-api.ts';
import { parseWebhookRequest, WebhookBodyError, type RawWebhookRequest } from './parse-webhook-request.ts';

const request = (body: string | Uint8Array, contentType?: string, url = '/wh/abc'): RawWebhookRequest => ({
  method: 'post',
  url,
  headers: contentType === undefined ? {} : { 'content-type': contentType },
  body: typeof body === 'string' ? Buffer.from(body) : body,
});

/** The bytes and content type a client sends for a FormData body. */
async function multipart(form: FormData): Promise<{ body: Uint8Array; contentType: string }> {
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}

test('the result is a WebhookRequest the custom webhook trigger consumes', async () => {
  const parsed: WebhookRequest = await parseWebhookRequest({ ...request('{"a":1}', 'application/json', '/wh/abc?x=1'), headers: { 'content-type': 'application/json', 'x-trace': 't1' } });
  assert.deepEqual(parsed, { method: 'POST', headers: { 'content-type': 'application/json', 'x-trace': 't1' }, query: { x: '1' }, body: { a: 1 }, rawBody: '{"a":1}' });
});

test('query fields nest and repeat as in forms', async () => {
  const parsed = await parseWebhookRequest(request('', undefined, '/wh/abc?name=Ann&tags=a&tags=b&address[city]=Prague&items[0][sku]=X'));
  assert.deepEqual(parsed.query, { name: 'Ann', tags: ['a', 'b'], address: { city: 'Prague' }, items: [{ sku: 'X' }] });
  assert.deepEqual(parsed.body, {});
});

test('JSON bodies parse to their value; +json types and charset parameters count as JSON', async () => {
  assert.deepEqual((await parseWebhookRequest(request('[1,2]', 'application/json; charset=utf-8'))).body, [1, 2]);
  assert.deepEqual((await parseWebhookRequest(request('{"ok":true}', 'application/vnd.api+json'))).body, { ok: true });
  assert.equal((await parseWebhookRequest(request('"text"', 'Application/JSON'))).body, 'text');
});

test('a JSON body with a byte-order mark parses, and rawBody keeps the text for JSON pass-through', async () => {
  const parsed = await parseWebhookRequest(request(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": [1, 2]}')]), 'application/json'));
  assert.deepEqual(parsed.body, { a: [1, 2] });
  assert.equal(parsed.rawBody, '{"a": [1, 2]}');
});

test('invalid JSON is a WebhookBodyError (400) that says where the text breaks', async () => {
  await assert.rejects(parseWebhookRequest(request('{\n  "a": 1,\n  "b": }', 'application/json')), (error: unknown) => {
    assert.ok(error instanceof WebhookBodyError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'WEBHOOK_INVALID_JSON');
    assert.equal(error.message, 'The request body is not valid JSON: value expected at line 3, column 8 (character 20).');
    assert.deepEqual(error.where, { field: 'body', position: 20 });
    return true;
  });
  await assert.rejects(parseWebhookRequest(request('{"a": 1', 'application/json')), /not valid JSON: .* at line 1, column 8/);
  await assert.rejects(parseWebhookRequest(request('{"a": 1} x', 'application/json')), WebhookBodyError);
});

test('an empty or whitespace-only JSON body is {}', async () => {
  assert.deepEqual((await parseWebhookRequest(request('', 'application/json'))).body, {});
  assert.deepEqual((await parseWebhookRequest(request(' \n', 'application/json'))).body, {});
});

test('urlencoded bodies become fields with the bracket rules; rawBody is the text', async () => {
  const text = 'name=Ann+Lee&order[id]=7&order[items][]=a&order[items][]=b&note=%C3%A9t%C3%A9';
  const parsed = await parseWebhookRequest(request(text, 'application/x-www-form-urlencoded'));
  assert.deepEqual(parsed.body, { name: 'Ann Lee', order: { id: '7', items: ['a', 'b'] }, note: 'été' });
  assert.equal(parsed.rawBody, text);
});

test('multipart bodies give text fields and files as {name, mime, data}', async () => {
  const form = new FormData();
  form.append('name', 'Remake');
  form.append('meta[lang]', 'cs');
  form.append('file', new Blob(['Content of file.txt'], { type: 'text/plain' }), 'file.txt');
  form.append('photos[]', new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'image/png' }), 'a.png');
  form.append('photos[]', new Blob([new Uint8Array([9])], { type: 'image/png' }), 'žluťoučký.png');
  const { body, contentType } = await multipart(form);
  const parsed = await parseWebhookRequest(request(body, contentType));
  assert.deepEqual(parsed.body, {
    name: 'Remake',
    meta: { lang: 'cs' },
    file: { name: 'file.txt', mime: 'text/plain', data: Buffer.from('Content of file.txt') },
    photos: [
      { name: 'a.png', mime: 'image/png', data: Buffer.from([0, 1, 2, 255]) },
      { name: 'žluťoučký.png', mime: 'image/png', data: Buffer.from([9]) },
    ],
  });
  assert.equal(parsed.rawBody, undefined);
});

test('a repeated multipart field name collects an array, in arrival order', async () => {
  const form = new FormData();
  form.append('tag', 'a');
  form.append('doc', new Blob(['x']), 'x.bin');
  form.append('tag', 'b');
  const { body, contentType } = await multipart(form);
  const parsed = await parseWebhookRequest(request(body, contentType));
  assert.deepEqual(parsed.body, { tag: ['a', 'b'], doc: { name: 'x.bin', mime: 'application/octet-stream', data: Buffer.from('x') } });
});

test('broken multipart bodies are WebhookBodyErrors', async () => {
  await assert.rejects(parseWebhookRequest(request('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', 'multipart/form-data; boundary=x')), (error: unknown) => {
    assert.ok(error instanceof WebhookBodyError);
    assert.equal(error.code, 'WEBHOOK_INVALID_MULTIPART');
    assert.match(error.message, /^The request body is not valid multipart\/form-data: /);
    return true;
  });
  await assert.rejects(parseWebhookRequest(request('a=1', 'multipart/form-data')), /not valid multipart\/form-data: .*[Bb]oundary/);
});

test('a truncated file part fails cleanly instead of hanging', async () => {
  const form = new FormData();
  form.append('file', new Blob(['0123456789'.repeat(100)]), 'big.bin');
  const { body, contentType } = await multipart(form);
  await assert.rejects(parseWebhookRequest(request(body.subarray(0, 600), contentType)), WebhookBodyError);
});

test('other content types, and none, give the body as text', async () => {
  for (const contentType of ['text/plain', 'application/xml', undefined]) {
    const parsed = await parseWebhookRequest(request('<a>1</a>', contentType));
    assert.equal(parsed.body, '<a>1</a>');
    assert.equal(parsed.rawBody, '<a>1</a>');
  }
});

test('the declared charset decodes text bodies; an unknown charset falls back to UTF-8', async () => {
  assert.equal((await parseWebhookRequest(request(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1'))).body, 'café');
  assert.equal((await parseWebhookRequest(request('café', 'text/plain; charset=nonsense'))).body, 'café');
});

test('an empty body is {} for every content type', async () => {
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
    assert.deepEqual((await parseWebhookRequest(request('', contentType))).body, {}, String(contentType));
  }
});
