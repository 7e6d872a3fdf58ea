// Query-string serialisation and URL building, including Make's array form for repeated keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRequestUrl, serializeQuery } from './request-url.ts';

test('repeated names become indexed arrays by default and repeat with repeatKeys', () => {
  const pairs = [
    { name: 'foo', value: 'bar' },
    { name: 'foo', value: 'baz' },
    { name: 'x', value: "it's (ok)*" },
    { name: '', value: 'dropped' },
  ];
  assert.equal(serializeQuery(pairs, false), 'foo%5B0%5D=bar&foo%5B1%5D=baz&x=it%27s%20%28ok%29%2A');
  assert.equal(serializeQuery(pairs, true), 'foo=bar&foo=baz&x=it%27s%20%28ok%29%2A');
  assert.equal(serializeQuery([], false), '');
});

test('query pairs join the URL’s own query, before its fragment', () => {
  const options = { repeatKeys: false, serialize: false };
  assert.equal(buildRequestUrl('https://api.example.com/v1', [{ name: 'a', value: '1' }], options), 'https://api.example.com/v1?a=1');
  assert.equal(buildRequestUrl('https://api.example.com/v1?k=v#top', [{ name: 'a', value: '1' }], options), 'https://api.example.com/v1?k=v&a=1#top');
  assert.equal(buildRequestUrl('https://api.example.com/v1?', [{ name: 'a', value: '1' }], options), 'https://api.example.com/v1?a=1');
  assert.equal(buildRequestUrl(' https://api.example.com/v1 ', [], options), 'https://api.example.com/v1');
});

test('Serialize URL encodes characters a URL may not carry and keeps existing escapes', () => {
  const url = buildRequestUrl('https://example.com/a b/ü?q=x y&r=%20|', [], { repeatKeys: false, serialize: true });
  assert.equal(url, 'https://example.com/a%20b/%C3%BC?q=x%20y&r=%20%7C');
});

test('URLs that are not absolute http(s) are DataErrors', () => {
  const options = { repeatKeys: false, serialize: false };
  assert.throws(() => buildRequestUrl('/relative', [], options), { name: 'DataError', message: 'The URL "/relative" is not a valid absolute URL.' });
  assert.throws(() => buildRequestUrl('mailto:eva@example.com', [], options), { name: 'DataError', message: /must start with http/ });
});
