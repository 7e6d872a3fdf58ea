// Array functions (help.make.com/array-functions), plus length() and contains(), which take text too.
import { ownValue } from '../../shared/own-value.ts';
import { isBinary } from '../binary.ts';
import { isCollection, isEmpty, toArray, toNumber, toText } from '../coerce.ts';
import { looseEquals } from '../operators.ts';
import { readPath } from '../path.ts';
import type { EvalContext, ImlCollection, ImlValue } from '../types.ts';
import { invalid, optionalNumber, text } from './args.ts';
import { HELP, type ImlFunction } from './define.ts';

const CONTACTS = [{ name: 'Carol', age: 30 }, { name: 'alice', age: 25 }, { name: 'Bob', age: 41 }];

/** Identity of a value for de-duplication: primitives by value, others by their JSON. */
function identity(value: ImlValue): string {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'object' && value !== null) return `json:${JSON.stringify(value)}`;
  return `${typeof value}:${String(value)}`;
}

function unique(items: readonly ImlValue[], keyOf: (item: ImlValue) => ImlValue): ImlValue[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = identity(keyOf(item));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function contains(items: readonly ImlValue[], value: ImlValue): boolean {
  return items.some((item) => looseEquals(item, value));
}

type SortOrder = { descending: boolean; caseInsensitive: boolean };
const SORT_ORDERS: Record<string, SortOrder> = {
  asc: { descending: false, caseInsensitive: false },
  desc: { descending: true, caseInsensitive: false },
  'asc ci': { descending: false, caseInsensitive: true },
  'desc ci': { descending: true, caseInsensitive: true },
};

/** Numbers before text; numbers numerically; text by code unit (A, B, a, b) or case-insensitively. */
function compareForSort(a: ImlValue, b: ImlValue, caseInsensitive: boolean): number {
  const numberA = typeof a === 'number' || a instanceof Date ? Number(a) : undefined;
  const numberB = typeof b === 'number' || b instanceof Date ? Number(b) : undefined;
  if (numberA !== undefined && numberB !== undefined) return numberA - numberB;
  if (numberA !== undefined) return -1;
  if (numberB !== undefined) return 1;
  const x = toText(a);
  const y = toText(b);
  if (caseInsensitive) {
    const folded = x.toLowerCase().localeCompare(y.toLowerCase(), 'en');
    if (folded !== 0) return folded;
  }
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

function sort(args: readonly ImlValue[]): ImlValue[] {
  const items = [...toArray(args[0])];
  let order = SORT_ORDERS.asc as SortOrder;
  let key: string | undefined;
  const second = isEmpty(args[1]) ? undefined : toText(args[1]);
  // A second argument that is not an order word is the key: sort(Contacts[]; name).
  const named = second === undefined ? undefined : ownValue(SORT_ORDERS, second.toLowerCase());
  if (named) order = named;
  else if (second !== undefined) key = second;
  if (!isEmpty(args[2])) key = toText(args[2]);
  const valueOf = (item: ImlValue) => (key === undefined ? item : readPath(item, key));
  const sorted = items
    .map((item, index): { item: ImlValue; index: number } => ({ item, index }))
    .sort((a, b) => compareForSort(valueOf(a.item), valueOf(b.item), order.caseInsensitive) || a.index - b.index)
    .map(({ item }): ImlValue => item);
  return order.descending ? sorted.reverse() : sorted;
}

function flatten(items: readonly ImlValue[], depth: number): ImlValue[] {
  if (depth < 1) return [...items];
  return items.flatMap((item): ImlValue[] => (Array.isArray(item) ? flatten(item, depth - 1) : [item]));
}

function shuffle(items: readonly ImlValue[], ctx: EvalContext): ImlValue[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(ctx.random() * (i + 1));
    [out[i], out[j]] = [out[j] as ImlValue, out[i] as ImlValue];
  }
  return out;
}

function arrayFunction(
  name: string,
  signature: string,
  description: string,
  example: { expr: string; result: unknown; context?: Record<string, unknown> },
  run: (args: readonly ImlValue[], ctx: EvalContext) => ImlValue,
  arity: [number, number] = [1, 1],
  docUrl: string | undefined = HELP.array,
): ImlFunction {
  const fn: ImlFunction = { name, family: 'array', signature, description, example, minArgs: arity[0], maxArgs: arity[1], run };
  return docUrl ? { ...fn, docUrl } : fn;
}

const items3 = { '1': { items: ['a', 'b', 'c'] } };

export const arrayFunctions: readonly ImlFunction[] = [
  arrayFunction('add', 'add(array; value1; [value2; ...])', 'A new array with the values appended.', { expr: '{{add(1.items; "d")}}', context: items3, result: ['a', 'b', 'c', 'd'] }, (args) => [...toArray(args[0]), ...args.slice(1)], [2, Infinity]),
  arrayFunction('contains', 'contains(array or text; value)', 'Whether the array has the value, or the text contains it (case-sensitive).', { expr: '{{contains(1.items; "b")}}', context: items3, result: true }, ([subject, value]) =>
    Array.isArray(subject) ? contains(subject, value as ImlValue) : toText(subject).includes(toText(value)), [2, 2]),
  arrayFunction('deduplicate', 'deduplicate(array)', 'Removes duplicate values.', { expr: '{{deduplicate(1.items)}}', context: { '1': { items: [1, 2, 2, 3, 1] } }, result: [1, 2, 3] }, ([value]) => unique(toArray(value), (item) => item)),
  arrayFunction('distinct', 'distinct(array; [key])', 'Removes duplicates, comparing the key of collections when given; the first occurrence stays.', {
    expr: '{{distinct(1.contacts; "name")}}', context: { '1': { contacts: [{ name: 'Ann', id: 1 }, { name: 'Ann', id: 2 }] } }, result: [{ name: 'Ann', id: 1 }],
  }, ([value, key]) => unique(toArray(value), (item) => (isEmpty(key) ? item : readPath(item, toText(key)))), [1, 2]),
  arrayFunction('first', 'first(array)', 'The first item.', { expr: '{{first(1.items)}}', context: items3, result: 'a' }, ([value]) => toArray(value)[0]),
  arrayFunction('last', 'last(array)', 'The last item.', { expr: '{{last(1.items)}}', context: items3, result: 'c' }, ([value]) => toArray(value).at(-1)),
  arrayFunction('flatten', 'flatten(array; [depth])', 'Concatenates nested arrays into one, one level deep by default.', { expr: '{{flatten(1.nested)}}', context: { '1': { nested: [[1, 2], [3]] } }, result: [1, 2, 3] }, (args) => flatten(toArray(args[0]), Math.max(0, optionalNumber(args, 1, 1))), [1, 2]),
  arrayFunction('join', 'join(array; separator)', 'The items as text with the separator between them.', { expr: '{{join(1.items; ", ")}}', context: items3, result: 'a, b, c' }, (args) =>
    toArray(args[0]).map((item) => (isCollection(item) ? JSON.stringify(item) : toText(item))).join(args[1] === undefined || args[1] === null ? ',' : toText(args[1])), [1, 2]),
  arrayFunction('keys', 'keys(object)', 'The keys of a collection (or the indexes of an array, from 0).', { expr: '{{keys(1.user)}}', context: { '1': { user: { name: 'Eva', email: 'eva@x.io' } } }, result: ['name', 'email'] }, ([value]) =>
    isCollection(value) || Array.isArray(value) ? Object.keys(value) : []),
  arrayFunction('length', 'length(text, binary or array)', 'Characters of text, bytes of binary data, items of an array.', { expr: '{{length("hello")}}', result: 5 }, ([value]) => {
    if (Array.isArray(value)) return value.length;
    if (isBinary(value)) return value.length;
    if (isCollection(value)) return Object.keys(value).length;
    return toText(value).length;
  }),
  arrayFunction('map', 'map(complex array; key; [key for filtering]; [possible values for filtering])', 'The values of a key in every collection, optionally only those whose filter key has one of the comma-separated values.', {
    expr: '{{map(1.emails; "email"; "label"; "work")}}', context: { '1': { emails: [{ email: 'a@x.io', label: 'work' }, { email: 'b@x.io', label: 'home' }] } }, result: ['a@x.io'],
  }, (args) => {
    let items = toArray(args[0]);
    if (!isEmpty(args[2])) {
      const filterKey = text(args, 2);
      const allowed = new Set(toArray(args[3]).flatMap((value) => toText(value).split(',')));
      items = items.filter((item) => allowed.has(toText(readPath(item, filterKey))));
    }
    const key = text(args, 1);
    return items.map((item) => readPath(item, key));
  }, [2, 4]),
  arrayFunction('merge', 'merge(array1; array2; ...)', 'The arrays concatenated into one.', { expr: '{{merge(1.a; 1.b)}}', context: { '1': { a: [1, 2], b: [3] } }, result: [1, 2, 3] }, (args) => args.flatMap((arg) => toArray(arg)), [1, Infinity]),
  arrayFunction('remove', 'remove(array; value1; [value2; ...])', 'The array without the given values.', { expr: '{{remove(1.items; "b")}}', context: items3, result: ['a', 'c'] }, (args) =>
    toArray(args[0]).filter((item) => !contains(args.slice(1), item)), [2, Infinity]),
  arrayFunction('reverse', 'reverse(array)', 'The items in reverse order.', { expr: '{{reverse(1.items)}}', context: items3, result: ['c', 'b', 'a'] }, ([value]) => [...toArray(value)].reverse()),
  arrayFunction('shuffle', 'shuffle(array)', 'The items in random order.', { expr: '{{length(shuffle(1.items))}}', context: items3, result: 3 }, ([value], ctx) => shuffle(toArray(value), ctx)),
  arrayFunction('slice', 'slice(array; start; [end])', 'The items from start (from 0) up to, not including, end.', { expr: '{{slice(1.items; 1; 2)}}', context: items3, result: ['b'] }, (args) => {
    const items = toArray(args[0]);
    const end = toNumber(args[2]);
    return items.slice(optionalNumber(args, 1, 0), end);
  }, [2, 3]),
  arrayFunction('sort', 'sort(array; [order]; [key])', 'Sorts: order asc (default), desc, asc ci or desc ci; key sorts collections by that (dot) path.', {
    expr: '{{sort(1.contacts; "name")}}', context: { '1': { contacts: CONTACTS } }, result: [CONTACTS[2], CONTACTS[0], CONTACTS[1]],
  }, sort, [1, 3]),
  arrayFunction('toArray', 'toArray(collection)', 'The collection as an array of {key, value} collections.', { expr: '{{toArray(1.user)}}', context: { '1': { user: { name: 'Eva' } } }, result: [{ key: 'name', value: 'Eva' }] }, ([value]) => {
    if (Array.isArray(value)) return value;
    if (!isCollection(value)) return toArray(value);
    return Object.entries(value).map(([key, item]) => ({ key, value: item }));
  }),
  arrayFunction('toCollection', 'toCollection(array; key; value)', 'A collection built from an array of collections: one entry per item, named by its key field, holding its value field.', {
    expr: '{{toCollection(1.array; "name"; "age")}}', context: { '1': { array: [{ name: 'Bob', age: 22 }, { name: 'Tim', age: 23 }] } }, result: { Bob: 22, Tim: 23 },
  }, (args) => {
    const keyField = text(args, 1);
    const valueField = text(args, 2);
    const entries = toArray(args[0]).map((item): [string, ImlValue] => {
      if (!isCollection(item)) throw invalid('toCollection() needs an array of collections.');
      return [toText(readPath(item, keyField)), readPath(item, valueField)];
    });
    // fromEntries keeps a `__proto__` key as a key; assigning it would replace the prototype.
    return Object.fromEntries(entries) as ImlCollection;
  }, [3, 3]),
  arrayFunction('arrayIntersect', 'arrayIntersect(array1; array2)', 'Items of the first array that are also in the second. In Make\'s palette, not in its help pages.', {
    expr: '{{arrayIntersect(1.a; 1.b)}}', context: { '1': { a: [1, 2, 3], b: [2, 3, 4] } }, result: [2, 3],
  }, ([first, second]) => toArray(first).filter((item) => contains(toArray(second), item)), [2, 2], undefined),
  arrayFunction('arrayDiff', 'arrayDiff(array1; array2)', 'Items of the first array that are not in the second. In Make\'s palette, not in its help pages.', {
    expr: '{{arrayDiff(1.a; 1.b)}}', context: { '1': { a: [1, 2, 3], b: [2, 3, 4] } }, result: [1],
  }, ([first, second]) => toArray(first).filter((item) => !contains(toArray(second), item)), [2, 2], undefined),
];
