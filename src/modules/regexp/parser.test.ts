// Match pattern: bundles per match, groups, options, no-match handling and bad patterns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { parser } from './parser.ts';

const options = { global: false, sensitive: true, multiline: false, singleline: false, continueWhenNoRes: false };

test('the first match gives one bundle with numbered groups, i and the whole match', async () => {
  const bundles = await runModule(parser, {
    parameters: { ...options, pattern: 'order (\\d+) for (\\w+)' },
    mapper: { text: 'order 12 for eva, order 34 for max' },
  });
  assert.deepEqual(bundles, [{ $1: '12', $2: 'eva', i: 1, __IMTMATCH__: 'order 12 for eva' }]);
});

test('global gives one bundle per match, numbered from 1', async () => {
  const bundles = await runModule(parser, {
    parameters: { ...options, global: true, pattern: 'order (\\d+)' },
    mapper: { text: 'order 12 for eva, order 34 for max' },
  });
  assert.deepEqual(bundles, [
    { $1: '12', i: 1, __IMTMATCH__: 'order 12' },
    { $1: '34', i: 2, __IMTMATCH__: 'order 34' },
  ]);
});

test('named groups come out by name, and a group that did not take part is left out', async () => {
  const bundles = await runModule(parser, {
    parameters: { ...options, pattern: 'Title: (?<JobTitle>\\w+)( at (?<OrgName>\\w+))?' },
    mapper: { text: 'Title: Baker' },
  });
  assert.deepEqual(bundles, [{ $1: 'Baker', JobTitle: 'Baker', i: 1, __IMTMATCH__: 'Title: Baker' }]);
});

test('Case sensitive off adds i, Multiline m and Singleline s', async () => {
  const text = 'first\nSECOND line\nthird';
  const run = (parameters: object) => runModule(parser, { parameters: { ...options, ...parameters }, mapper: { text } });
  assert.deepEqual(await run({ pattern: 'second' }), []);
  assert.deepEqual(await run({ pattern: 'second', sensitive: false }), [{ i: 1, __IMTMATCH__: 'SECOND' }]);
  assert.deepEqual(await run({ pattern: '^(\\w+)$', global: true }), []);
  assert.deepEqual(await run({ pattern: '^(\\w+)$', global: true, multiline: true }), [
    { $1: 'first', i: 1, __IMTMATCH__: 'first' },
    { $1: 'third', i: 2, __IMTMATCH__: 'third' },
  ]);
  assert.deepEqual(await run({ pattern: 'first.(\\w+)' }), []);
  assert.deepEqual(await run({ pattern: 'first.(\\w+)', singleline: true }), [{ $1: 'SECOND', i: 1, __IMTMATCH__: 'first\nSECOND' }]);
});

test('no match stops the route, unless continueWhenNoRes outputs one empty bundle', async () => {
  assert.deepEqual(await runModule(parser, { parameters: { ...options, pattern: 'x(\\d)' }, mapper: { text: 'abc' } }), []);
  assert.deepEqual(await runModule(parser, { parameters: { ...options, pattern: 'x(\\d)', continueWhenNoRes: true }, mapper: { text: 'abc' } }), [{}]);
  assert.deepEqual(await runModule(parser, { parameters: { ...options, pattern: 'x(\\d)' }, mapper: {} }), []);
});

test('a global pattern matching an empty string fails unless infinite loops are ignored', async () => {
  const parameters = { ...options, global: true, pattern: '\\d*' };
  await assert.rejects(runModule(parser, { parameters, mapper: { text: 'a1' } }), {
    name: 'RuntimeError',
    message: 'The pattern "\\\\d*" matches an empty string at position 0, so a global search would never end. Turn on "Ignore errors when there is an infinite search loop" or change the pattern.',
  });
  const bundles = await runModule(parser, { parameters: { ...parameters, ignoreInfiniteLoopsWhenGlobal: true }, mapper: { text: 'a1' } });
  assert.deepEqual(bundles, [
    { i: 1, __IMTMATCH__: '' },
    { i: 2, __IMTMATCH__: '1' },
    { i: 3, __IMTMATCH__: '' },
  ]);
});

test('a pattern that does not compile is an InvalidConfigurationError naming it', async () => {
  await assert.rejects(runModule(parser, { parameters: { ...options, pattern: 'price: (\\d+' }, mapper: { text: 'x' } }), {
    name: 'InvalidConfigurationError',
    message: 'The pattern "price: (\\\\d+" is not a valid regular expression: unterminated group.',
  });
  await assert.rejects(runModule(parser, { parameters: { ...options, pattern: '' }, mapper: { text: 'x' } }), {
    name: 'InvalidConfigurationError',
    message: 'The pattern is empty.',
  });
});
