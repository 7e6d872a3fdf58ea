// The bracket and repetition rules of form and query fields, one case per rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nestFields, parseQueryString } from './nest-fields.ts';

const nest = (query: string): Record<string, unknown> => nestFields(new URLSearchParams(query));

const cases: [string, string, Record<string, unknown>][] = [
  ['plain fields stay text', 'name=Ann&age=42', { name: 'Ann', age: '42' }],
  ['a repeated name collects an array', 'tag=a&tag=b&tag=c', { tag: ['a', 'b', 'c'] }],
  ['brackets nest a collection', 'a[b]=1&a[c]=2', { a: { b: '1', c: '2' } }],
  ['nesting goes several levels deep', 'order[customer][name]=Ann', { order: { customer: { name: 'Ann' } } }],
  ['empty brackets append to an array', 'a[]=1&a[]=2', { a: ['1', '2'] }],
  ['one appended value is still an array', 'a[]=1', { a: ['1'] }],
  ['explicit indexes make an array in index order', 'a[1]=y&a[0]=x', { a: ['x', 'y'] }],
  ['arrays of collections', 'items[0][sku]=A&items[0][qty]=2&items[1][sku]=B', { items: [{ sku: 'A', qty: '2' }, { sku: 'B' }] }],
  ['each [] with a sub-key starts a new item', 'items[][sku]=A&items[][sku]=B', { items: [{ sku: 'A' }, { sku: 'B' }] }],
  ['big indexes stay object keys', 'ids[1001]=x', { ids: { 1001: 'x' } }],
  ['mixed index and name keys make a collection', 'a[]=1&a[x]=2', { a: { 0: '1', x: '2' } }],
  ['a plain value and a nested one under the same name both survive', 'a=1&a[b]=2', { a: ['1', { b: '2' }] }],
  ['a name that is not bracket syntax is literal', 'a[b=1&c]d=2', { 'a[b': '1', 'c]d': '2' }],
  ['encoded brackets nest too; + is a space', 'a%5Bb%5D=x+y', { a: { b: 'x y' } }],
  ['an empty name is dropped', '=1&b=2', { b: '2' }],
  ['a value-less name is empty text', 'flag', { flag: '' }],
];

for (const [name, query, expected] of cases) {
  test(name, () => assert.deepEqual(nest(query), expected));
}

test('__proto__ is an ordinary field, not the prototype', () => {
  const fields = nest('__proto__[polluted]=yes&a[__proto__][x]=1');
  assert.deepEqual(Object.keys(fields), ['__proto__', 'a']);
  assert.equal(Object.getPrototypeOf(fields), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(Object.getOwnPropertyDescriptor(fields.a, '__proto__')?.value, { x: '1' });
});

test('values other than text (uploaded files) are kept as given', () => {
  const file = { name: 'a.txt', mime: 'text/plain', data: Buffer.from('hi') };
  assert.deepEqual(nestFields([['files[]', file], ['files[]', file]]), { files: [file, file] });
});

test('the query string comes from the request target; no query or a fragment is handled', () => {
  assert.deepEqual(parseQueryString('/wh/abc?name=Ann&a[b]=1#frag'), { name: 'Ann', a: { b: '1' } });
  assert.deepEqual(parseQueryString('/wh/abc'), {});
  assert.deepEqual(parseQueryString('/wh/abc?'), {});
});
