// The function registry: every documented function is there, and every entry's example gives its stated result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRequest } from '../eval-request.ts';
import { ImlCompileError } from '../errors.ts';
import { compileTemplate } from '../template.ts';
import { FUNCTIONS, lookupFunction, searchFunctions } from './registry.ts';
import { sameJson } from '../../../test/support/compare.ts';

/** Every function of IML.md §B (Make's help pages) plus the palette-only ones real blueprints use. */
const DOCUMENTED = {
  general: ['get', 'if', 'ifempty', 'switch', 'omit', 'pick'],
  math: ['abs', 'average', 'ceil', 'floor', 'formatNumber', 'max', 'min', 'median', 'parseNumber', 'round', 'stdevP', 'stdevS', 'sum', 'trunc'],
  text: [
    'ascii', 'base64', 'capitalize', 'contains', 'decodeURL', 'encodeURL', 'escapeHTML', 'escapeMarkdown', 'escapeJSON', 'indexOf', 'length',
    'lower', 'upper', 'md5', 'replace', 'replaceEmojiCharacters', 'sha1', 'sha256', 'sha512', 'split', 'startcase', 'stripHTML', 'substring',
    'toBinary', 'toString', 'trim', 'mime',
  ],
  date: ['formatDate', 'parseDate', 'addSeconds', 'addMinutes', 'addHours', 'addDays', 'addMonths', 'addYears', 'setSecond', 'setMinute', 'setHour', 'setDay', 'setDate', 'setMonth', 'setYear', 'dateDiff'],
  array: ['add', 'contains', 'deduplicate', 'distinct', 'first', 'last', 'flatten', 'join', 'keys', 'length', 'map', 'merge', 'remove', 'reverse', 'shuffle', 'slice', 'sort', 'toArray', 'toCollection', 'arrayIntersect', 'arrayDiff'],
};

test('registry: every function Make documents is implemented', () => {
  const missing = Object.values(DOCUMENTED).flat().filter((name) => !lookupFunction(name));
  assert.deepEqual(missing, []);
});

test('registry: names are unique and every entry is documented', () => {
  const names = FUNCTIONS.map((fn) => fn.name);
  assert.equal(new Set(names).size, names.length);
  for (const fn of FUNCTIONS) {
    assert.match(fn.signature, new RegExp(`^${fn.name}\\(`), `${fn.name}: signature starts with its name`);
    assert.ok(fn.description.length > 10, `${fn.name}: has a description`);
    assert.ok(fn.minArgs <= fn.maxArgs, `${fn.name}: arity`);
  }
});

for (const fn of FUNCTIONS) {
  test(`registry example: ${fn.example.expr} = ${JSON.stringify(fn.example.result)}`, () => {
    assert.ok(fn.example.expr.includes(`${fn.name}(`), `${fn.name}: its example calls it`);
    const actual = evaluateRequest({ template: fn.example.expr, context: fn.example.context ?? {} });
    assert.ok(sameJson(actual, fn.example.result), `${fn.name}: got ${JSON.stringify(actual)}`);
  });
}

test('registry: unknown and undocumented functions fail at compile time, by name and position', () => {
  assert.throws(() => compileTemplate('Hi {{urlEncode(1.name)}}'), (error: unknown) => {
    assert.ok(error instanceof ImlCompileError);
    assert.equal(error.code, 'IML_UNKNOWN_FUNCTION');
    assert.equal(error.where.position, 6);
    assert.match(error.message, /'urlEncode' not found/);
    return true;
  });
  assert.throws(() => compileTemplate('{{set(1.a; "b")}}'), /Function 'set' appears in Make's editor palette but is undocumented/);
  // Names are case-sensitive, as in Make.
  assert.throws(() => compileTemplate('{{Upper("a")}}'), /'Upper' not found/);
});

test('registry: search finds functions by name and description words', () => {
  assert.deepEqual(searchFunctions('hmac').map((fn) => fn.name).sort(), ['sha1', 'sha256', 'sha512']);
  assert.ok(searchFunctions('time zone').some((fn) => fn.name === 'formatDate'));
});
