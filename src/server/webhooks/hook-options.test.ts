// API keys and IP restrictions of a custom webhook: who gets in, who gets 401/403, and what broken options do.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApiKey, checkIpRestriction, parseIpRestriction } from './hook-options.ts';

const keyed = { headers: false, method: false, stringify: false, apiKeys: ['first-key', 'second-key'] };

test('a hook without API keys accepts every call', () => {
  assert.equal(checkApiKey({ headers: false }, {}), null);
  assert.equal(checkApiKey({ apiKeys: [] }, {}), null);
  assert.equal(checkApiKey({ apiKeys: null }, { 'x-make-apikey': 'anything' }), null);
});

test('any one of the hook\'s keys in x-make-apikey is accepted', () => {
  assert.equal(checkApiKey(keyed, { 'x-make-apikey': 'first-key' }), null);
  assert.equal(checkApiKey(keyed, { 'x-make-apikey': 'second-key' }), null);
  assert.equal(checkApiKey({ apiKeys: 'only-key' }, { 'x-make-apikey': 'only-key' }), null);
});

test('a missing or wrong key is refused with 401 and a message saying which', () => {
  assert.deepEqual(checkApiKey(keyed, {}), { status: 401, message: 'This webhook requires an API key in the x-make-apikey header.' });
  assert.deepEqual(checkApiKey(keyed, { 'x-make-apikey': '' })?.status, 401);
  assert.deepEqual(checkApiKey(keyed, { 'x-make-apikey': 'first-key ' }), { status: 401, message: 'The API key in the x-make-apikey header is not valid for this webhook.' });
  assert.equal(checkApiKey(keyed, { 'x-make-apikey': 'FIRST-KEY' })?.status, 401);
  assert.equal(checkApiKey(keyed, { authorization: 'first-key' })?.status, 401);
});

test('a broken key option refuses every call instead of leaving the hook open', () => {
  assert.equal(checkApiKey({ apiKeys: [42] }, { 'x-make-apikey': '42' })?.status, 401);
  assert.equal(checkApiKey({ apiKeys: { key: 'x' } }, { 'x-make-apikey': 'x' })?.status, 401);
});

test('no IP restriction lets every address in', () => {
  for (const ip of [null, undefined, '', '  ', []]) assert.equal(checkIpRestriction(ip, '203.0.113.9'), null);
});

test('a comma-separated IPv4 list allows exactly its addresses', () => {
  const list = '54.209.79.175, 54.80.47.193,3.94.51.90';
  assert.equal(checkIpRestriction(list, '54.80.47.193'), null);
  assert.equal(checkIpRestriction(list, '3.94.51.90'), null);
  assert.deepEqual(checkIpRestriction(list, '54.80.47.194'), { status: 403, message: "Requests from 54.80.47.194 are not allowed by this webhook's IP restrictions." });
});

test('IPv4 callers on a dual-stack socket (::ffff:a.b.c.d) match IPv4 entries', () => {
  assert.equal(checkIpRestriction('192.0.2.10', '::ffff:192.0.2.10'), null);
  assert.equal(checkIpRestriction('192.0.2.10', '::FFFF:192.0.2.11')?.status, 403);
});

test('IPv6 addresses match in any spelling; zone ids are ignored', () => {
  assert.equal(checkIpRestriction('2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'), null);
  assert.equal(checkIpRestriction('::1', '::1'), null);
  assert.equal(checkIpRestriction('fe80::1', 'fe80::1%eth0'), null);
  assert.equal(checkIpRestriction('2001:db8::1', '2001:db8::2')?.status, 403);
});

test('CIDR ranges, IPv4 and IPv6, cover their addresses', () => {
  const list = '10.0.0.0/8, 192.168.1.0/24, 2001:db8::/32';
  assert.equal(checkIpRestriction(list, '10.200.3.4'), null);
  assert.equal(checkIpRestriction(list, '192.168.1.255'), null);
  assert.equal(checkIpRestriction(list, '2001:db8:ffff::7'), null);
  assert.equal(checkIpRestriction(list, '192.168.2.1')?.status, 403);
  assert.equal(checkIpRestriction(list, '2001:db9::1')?.status, 403);
  assert.equal(checkIpRestriction('0.0.0.0/0', '198.51.100.1'), null);
});

test('an unknown caller address is refused when the hook is restricted', () => {
  assert.deepEqual(checkIpRestriction('10.0.0.1', undefined), { status: 403, message: "Requests from an unknown address are not allowed by this webhook's IP restrictions." });
  assert.equal(checkIpRestriction('10.0.0.1', 'not-an-ip')?.status, 403);
});

test('invalid entries match nothing and are reported; a list of only invalid entries refuses everyone', () => {
  const parsed = parseIpRestriction('10.0.0.1, 300.1.1.1, 10.0.0.0/33, example.com, 2001:db8::/129, 10.1.0.0/16');
  assert.deepEqual(parsed.entries, ['10.0.0.1', '300.1.1.1', '10.0.0.0/33', 'example.com', '2001:db8::/129', '10.1.0.0/16']);
  assert.deepEqual(parsed.invalid, ['300.1.1.1', '10.0.0.0/33', 'example.com', '2001:db8::/129']);
  assert.equal(checkIpRestriction('example.com', '93.184.216.34')?.status, 403);
  assert.equal(checkIpRestriction('300.1.1.1, 10.1.0.0/16', '10.1.2.3'), null);
});

test('an array of entries reads like the list text; any other option value refuses every call', () => {
  assert.equal(checkIpRestriction(['10.0.0.1', '10.0.0.2'], '10.0.0.2'), null);
  assert.equal(checkIpRestriction(['10.0.0.1'], '10.0.0.3')?.status, 403);
  assert.equal(checkIpRestriction(42, '10.0.0.1')?.status, 403);
});
