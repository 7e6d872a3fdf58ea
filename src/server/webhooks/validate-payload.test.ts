// Payload against a data structure: one case per rule, with the problems a caller reads in the 400 answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatePayload } from './validate-payload.ts';

const order: Record<string, unknown>[] = [
  { name: 'id', type: 'number', required: true },
  { name: 'note', type: 'text' },
  { name: 'paid', type: 'boolean' },
  { name: 'created', type: 'date' },
  { name: 'customer', type: 'collection', required: true, spec: [{ name: 'email', type: 'text', required: true }, { name: 'vip', type: 'boolean' }] },
  { name: 'items', type: 'array', spec: { type: 'collection', spec: [{ name: 'sku', type: 'text', required: true }, { name: 'qty', type: 'number' }] } },
  { name: 'tags', type: 'array', spec: { type: 'text' } },
  { name: 'file', type: 'collection', spec: [{ name: 'name', type: 'text' }, { name: 'mime', type: 'text' }, { name: 'data', type: 'buffer' }] },
];

const valid = {
  id: 7,
  note: 'leave at the door',
  paid: true,
  created: '2024-05-01T10:00:00Z',
  customer: { email: 'ann@example.com', vip: false },
  items: [{ sku: 'A', qty: 2 }, { sku: 'B' }],
  tags: ['gift'],
  file: { name: 'a.pdf', mime: 'application/pdf', data: Buffer.from('%PDF') },
};

const cases: [string, unknown, boolean, string[]][] = [
  ['a matching payload has no problems', valid, true, []],
  ['form and query text counts as numbers and booleans', { id: '7', paid: 'false', customer: { email: 'a@b.c', vip: 'true' }, items: [{ sku: 'A', qty: ' 2.5 ' }] }, false, []],
  ['missing required fields are named, nested ones with their path', { customer: {} }, false, ["Field 'id' is required.", "Field 'customer.email' is required."]],
  ['null and empty text count as missing', { id: null, customer: { email: '' } }, false, ["Field 'id' is required.", "Field 'customer.email' is required."]],
  ['optional fields may be null or empty', { ...valid, note: null, paid: '', created: null }, false, []],
  [
    'wrong types name the field, what was expected and what came',
    { ...valid, id: 'seven', note: 12, paid: 'yes', created: 'tomorrow-ish', customer: 'ann' },
    false,
    [
      `Field 'id' must be a number, got "seven".`,
      "Field 'note' must be text, got number.",
      `Field 'paid' must be a boolean, got "yes".`,
      `Field 'created' must be a date (ISO 8601 text), got "tomorrow-ish".`,
      "Field 'customer' must be a collection, got text.",
    ],
  ],
  ['array items are checked with their index', { ...valid, items: [{ sku: 'A', qty: 'two' }, { qty: 1 }], tags: ['ok', 5] }, false, [
    `Field 'items[0].qty' must be a number, got "two".`,
    "Field 'items[1].sku' is required.",
    "Field 'tags[1]' must be text, got number.",
  ]],
  ['an array field given a single value is a problem', { ...valid, tags: 'gift' }, false, ["Field 'tags' must be an array, got text."]],
  ['a collection given an array is a problem', { ...valid, customer: [valid.customer] }, false, ["Field 'customer' must be a collection, got array."]],
  ['binary data is an uploaded file\'s bytes or text', { ...valid, file: { name: 'a', mime: 'b', data: 'text data' } }, false, []],
  ['binary data cannot be a number', { ...valid, file: { data: 5 } }, false, ["Field 'file.data' must be binary data, got number."]],
  ['unknown fields pass when not strict', { ...valid, extra: 1, customer: { ...valid.customer, extra: 2 } }, false, []],
  ['unknown fields are problems at every level when strict', { ...valid, extra: 1, customer: { ...valid.customer, phone: '1' }, items: [{ sku: 'A', colour: 'red' }] }, true, [
    "Unknown field 'customer.phone'.",
    "Unknown field 'items[0].colour'.",
    "Unknown field 'extra'.",
  ]],
  ['a payload that is not a collection is one problem', [1, 2], false, ['The payload must be a collection of fields, got array.']],
];

for (const [name, payload, strict, expected] of cases) {
  test(name, () => assert.deepEqual(validatePayload(order, payload, strict), expected));
}

test('a default fills a missing required field, but not an explicit null', () => {
  const spec = [{ name: 'lang', type: 'text', required: true, default: 'en' }];
  assert.deepEqual(validatePayload(spec, {}, false), []);
  assert.deepEqual(validatePayload(spec, { lang: null }, false), ["Field 'lang' is required."]);
});

test('an array spec given as a field list makes each item a collection of those fields', () => {
  const spec = [{ name: 'rows', type: 'array', spec: [{ name: 'n', type: 'number', required: true }] }];
  assert.deepEqual(validatePayload(spec, { rows: [{ n: 1 }, {}, 'x'] }, false), ["Field 'rows[1].n' is required.", "Field 'rows[2]' must be a collection, got text."]);
});

test('a field without a type is text; types Remake does not know are not checked; unnamed entries are skipped', () => {
  const spec = [{ name: 'plain' }, { name: 'anything', type: 'any' }, { type: 'text', required: true }, 'not a field'] as unknown as Record<string, unknown>[];
  assert.deepEqual(validatePayload(spec, { plain: 1, anything: [1] }, false), ["Field 'plain' must be text, got number."]);
});

test('a collection without a spec accepts any fields unless strict', () => {
  const spec = [{ name: 'meta', type: 'collection' }];
  assert.deepEqual(validatePayload(spec, { meta: { a: 1 } }, false), []);
  assert.deepEqual(validatePayload(spec, { meta: { a: 1 } }, true), ["Unknown field 'meta.a'."]);
});

test('long text in a message is cut, and at most 100 problems are listed', () => {
  const [problem] = validatePayload([{ name: 'n', type: 'number' }], { n: 'x'.repeat(100) }, false);
  assert.equal(problem, `Field 'n' must be a number, got "${'x'.repeat(40)}…".`);
  const many = validatePayload([{ name: 'list', type: 'array', spec: { type: 'number' } }], { list: Array.from({ length: 150 }, () => 'no') }, false);
  assert.equal(many.length, 101);
  assert.equal(many[100], '… and 50 more problems.');
});

test('a field named like an Object.prototype member is an ordinary field', () => {
  const spec = [{ name: 'constructor', type: 'text', required: true }, { name: 'toString', type: 'text' }];
  assert.deepEqual(validatePayload(spec, {}, false), ["Field 'constructor' is required."]);
  assert.deepEqual(validatePayload([{ name: 'x', type: 'constructor' }], { x: 1 }, false), []);
});
