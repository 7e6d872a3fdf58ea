// Template compilation: shapes and types, references, positions of errors, and the rules of IML.md §A.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEvalContext } from './context.ts';
import { ImlCompileError } from './errors.ts';
import { compileTemplate } from './template.ts';
import { ERASE } from './types.ts';

const ctx = createEvalContext({
  '1': { name: 'Eva', items: [{ name: 'first' }, { name: 'second' }], 'Customer Name': 'ACME', n: 5 },
  var: { input: { limit: 3 }, scenario: { name: 'Orders' } },
  now: '2024-01-01T00:00:00Z',
});

test('shape: constant, single expression (typed) and mixed (text)', () => {
  assert.equal(compileTemplate('plain').shape, 'constant');
  assert.equal(compileTemplate('{{1.n}}').evaluate(ctx), 5);
  assert.equal(compileTemplate('{{1.n}}{{1.n}}').evaluate(ctx), '55');
  assert.equal(compileTemplate(' {{1.n}}').evaluate(ctx), ' 5');
  assert.equal(compileTemplate('{{1.missing}}!').evaluate(ctx), '!');
});

test('references: module ids, static paths and 1-based positions', () => {
  const compiled = compileTemplate('Hi {{1.`Customer Name`}} {{first(2.rows[].cells)}} {{3.list[1.n].x}}');
  assert.deepEqual(
    compiled.references.map((ref) => [ref.moduleId, ref.path.join('.'), ref.position]),
    [[1, 'Customer Name', 6], [2, 'rows.cells', 34], [3, 'list.x', 54], [1, 'n', 61]],
  );
  assert.deepEqual(compiled.functions, ['first']);
});

test('[] is the first item inside a path and the whole array at its end; [-1] is the last', () => {
  assert.equal(compileTemplate('{{1.items[].name}}').evaluate(ctx), 'first');
  assert.equal(compileTemplate('{{length(1.items[])}}').evaluate(ctx), 2);
  assert.equal(compileTemplate('{{1.items[-1].name}}').evaluate(ctx), 'second');
  assert.equal(compileTemplate('{{1.items[0].name}}').evaluate(ctx), undefined);
});

test('var.* roots, keywords and the erase marker', () => {
  assert.equal(compileTemplate('{{var.input.limit * 2}}').evaluate(ctx), 6);
  assert.equal(compileTemplate('{{var.scenario.name}}').evaluate(ctx), 'Orders');
  assert.equal(compileTemplate('{{erase}}').evaluate(ctx), ERASE);
  assert.equal(compileTemplate('{{ignore}}').evaluate(ctx), undefined);
  assert.equal(compileTemplate('{{ifempty(erase; "x")}}').evaluate(ctx), 'x');
  assert.equal(compileTemplate('{{YOUR_API_KEY}}').evaluate(ctx), undefined);
  assert.equal(compileTemplate('{{timestamp}}').evaluate(ctx), 1704067200);
});

test('quoted text: "" is one quote, and }} inside a literal does not end the expression', () => {
  assert.equal(compileTemplate('{{replace("say ""hi"""; """"; "\'")}}').evaluate(ctx), "say 'hi'");
  assert.equal(compileTemplate('{"a": "{{if(true; "}}"; "x")}}"}').evaluate(ctx), '{"a": "}}"}');
  assert.equal(compileTemplate('{{unterminated').evaluate(ctx), '{{unterminated');
});

test('operators: precedence, decimal arithmetic, concatenation and comparisons', () => {
  assert.equal(compileTemplate('{{1 + 2 * 3 = 7 & 2 > 1}}').evaluate(ctx), true);
  assert.equal(compileTemplate('{{0.1 + 0.2}}').evaluate(ctx), 0.3);
  assert.equal(compileTemplate('{{"a" + 1 + 2}}').evaluate(ctx), 'a12');
  assert.equal(compileTemplate('{{"10" = 10}}').evaluate(ctx), true);
  assert.equal(compileTemplate('{{"b" > "a"}}').evaluate(ctx), true);
  assert.equal(compileTemplate('{{-1.n + 1}}').evaluate(ctx), -4);
});

test('syntax errors carry the 1-based position and what was expected', () => {
  const cases: [string, number, RegExp][] = [
    ['{{1.name +}}', 11, /expected a value, found the end/],
    ['ab {{upper(1.name}}', 18, /expected ';' or '\)' in upper\(\)/],
    ['{{1.name and 2}}', 10, /'and' is written & in raw IML/],
    ["{{'x'}}", 3, /double quotes/],
    ['{{}}', 3, /empty expression/],
    ['{{1.`open}}', 5, /unterminated backtick/],
  ];
  for (const [template, position, message] of cases) {
    assert.throws(() => compileTemplate(template), (error: unknown) => {
      assert.ok(error instanceof ImlCompileError, template);
      assert.equal(error.where.position, position, template);
      assert.match(error.message, message);
      return true;
    });
  }
});

test('app dialect: comma separators and single-quoted text', () => {
  const app = createEvalContext({}, { roots: { parameters: { id: 7 }, body: { user: 'x' } } });
  assert.equal(compileTemplate("{{if(parameters.id > 5, 'big', 'small')}}", { dialect: 'app' }).evaluate(app), 'big');
  assert.equal(compileTemplate('/users/{{parameters.id}}', { dialect: 'app' }).evaluate(app), '/users/7');
});

test('text to date: ISO instants, documented forms, and days that do not exist', () => {
  assert.deepEqual(compileTemplate('{{addDays("2016-02-28T10:00:00+02:00"; 1)}}').evaluate(ctx), new Date('2016-02-29T08:00:00.000Z'));
  assert.deepEqual(compileTemplate('{{addDays("20.6.2016"; 0)}}').evaluate(ctx), new Date('2016-06-20T00:00:00.000Z'));
  assert.throws(() => compileTemplate('{{addDays("2016-02-30T00:00:00Z"; 1)}}').evaluate(ctx), /Cannot convert '2016-02-30T00:00:00Z' to a date/);
});
