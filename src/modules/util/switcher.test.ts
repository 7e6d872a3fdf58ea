// Switch: exact and regular-expression cases, first match wins, Else, and a bad pattern.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { switcher } from './switcher.ts';

const casesTable = [
  { pattern: 'paid', output: 'thanks' },
  { pattern: 'overdue', output: { level: 2 } },
  { pattern: 'paid', output: 'never reached' },
];

test('without regular expressions the first case equal to the input wins', async () => {
  assert.deepEqual(await runModule(switcher, { mapper: { input: 'paid', casesTable, useRegExpMatch: false, elseOutput: 'other' } }), [{ output: 'thanks' }]);
  assert.deepEqual(await runModule(switcher, { mapper: { input: 'overdue', casesTable, useRegExpMatch: false } }), [{ output: { level: 2 } }]);
  assert.deepEqual(await runModule(switcher, { mapper: { input: 'Paid', casesTable, useRegExpMatch: false, elseOutput: 'other' } }), [{ output: 'other' }]);
  assert.deepEqual(await runModule(switcher, { mapper: { input: 'unpaid', casesTable, useRegExpMatch: false, elseOutput: 'other' } }), [{ output: 'other' }]);
});

test('with regular expressions a pattern may match anywhere in the input', async () => {
  const regexCases = [
    { output: 'generate_image', pattern: '.*(image|picture|logo).*' },
    { output: 'write_blog', pattern: 'blog|article' },
    { output: 'mention', pattern: '^<@.*>$' },
  ];
  const run = (input: string) => runModule(switcher, { mapper: { input, casesTable: regexCases, useRegExpMatch: true, elseOutput: 'Help' } });
  assert.deepEqual(await run('make me a logo please'), [{ output: 'generate_image' }]);
  assert.deepEqual(await run('a blog post on a picture'), [{ output: 'generate_image' }]);
  assert.deepEqual(await run('draft an article'), [{ output: 'write_blog' }]);
  assert.deepEqual(await run('<@U123>'), [{ output: 'mention' }]);
  assert.deepEqual(await run('hello'), [{ output: 'Help' }]);
});

test('no match and no Else gives null; numbers are compared as text', async () => {
  assert.deepEqual(await runModule(switcher, { mapper: { input: 'x', casesTable, useRegExpMatch: false } }), [{ output: null }]);
  assert.deepEqual(await runModule(switcher, { mapper: { input: 2, casesTable: [{ pattern: '2', output: 'two' }] } }), [{ output: 'two' }]);
  assert.deepEqual(await runModule(switcher, { mapper: { input: null, casesTable: null, elseOutput: '' } }), [{ output: '' }]);
});

test('a case pattern that is not a regular expression is a configuration error', async () => {
  await assert.rejects(runModule(switcher, { mapper: { input: 'x', casesTable: [{ pattern: '(oops', output: 1 }], useRegExpMatch: true } }), {
    name: 'InvalidConfigurationError',
    message: 'The case pattern "(oops" is not a valid regular expression.',
  });
});
