// fast-check generators for IML: well-formed templates from the real grammar, mutations of them, and contexts.
import fc from 'fast-check';
import { KEYWORDS } from '../../src/iml/ast.ts';
import { FUNCTIONS } from '../../src/iml/functions/registry.ts';

/** Keys the generated contexts use, so generated references often hit data. */
const KEYS = ['a', 'b', 'n', 'name', 'items', 'email', 'date', 'x y', '0', '__IMTINDEX__', 'constructor', '__proto__'];

/**
 * Text values that reach interesting branches: dates, formats, zones, units, encodings, regexes, numbers.
 * The regexes avoid catastrophic backtracking: replace() runs a user's `/(a+)+$/` as any JavaScript engine would.
 */
const TEXTS = [
  '', ' ', 'a', 'Make', 'true', 'false', 'null', '0', '-1', '1.5', ' 12 ', '1e3', '0x1f', 'Infinity', '-Infinity', 'NaN', '1,5',
  '1 756,456', '(12)', '2024-01-31', '2016-12-08T15:55:57.536Z', '2024-02-30', '12/31/2023 10:00 PM', '31.12.2023',
  'Mon, 20 Jun 2016 17:26:44 +0000', '99999-01-01', 'YYYY-MM-DD', 'x', 'X', 'dddd, MMMM Do YYYY', 'HH:mm Z', '[', 'Q W E',
  'UTC', 'Europe/Prague', 'America/New_York', 'Invalid/Zone', 'days', 'months', 'ms', 'monday', 'Sunday', 'december',
  'hex', 'base64', 'latin1', 'binary', 'utf8', 'ascii', 'text', 'TWFrZQ==', 'zz', 'asc', 'desc', 'asc ci', 'desc ci',
  '/\\d+/g', '/(/', '/a/gg', '/[a-z]/gi', '/x/y', '/./su', '/^/m', '/(?<n>a)/', '$&', '$1', '$<n>', '$$',
  'a.b', 'items.1.name', 'items.-1', '%E0%A4%A', '%41', '<b>hi</b>', '<a <b', '# *x*', 'picture.png', 'a,b',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', '}}', '{{', '"', '`', '😀', '👋🏽', '\u00a0', '\ud800', '\udfff', 'ěščř',
];

/** Short text dense in characters that trip text functions: lone surrogates, combining marks, `%`, `$`, `/`. */
const trickyText = fc.string({
  maxLength: 6,
  unit: fc.constantFrom('a', 'Z', ' ', '%', '$', '/', '\\', '"', '😀', '\ud83d', '\ude00', '\u0301', 'é', '1', '.', ',', '-', '<', '>'),
});

const identifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,6}$/).filter((word) => word !== 'and' && word !== 'or');
const backtickKey = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 }).map((key) => key.replace(/`/g, '')));

/** `.key`, `` .`key` ``, `[expr]` and `[]` after a value. */
function postfix(expr: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const segment = fc.oneof(
    fc.oneof(fc.constantFrom(...KEYS.filter((key) => /^[A-Za-z_$][\w$]*$/.test(key))), identifier).map((key) => `.${key}`),
    backtickKey.map((key) => `.\`${key}\``),
    fc.constantFrom('[]', '[1]', '[2]', '[-1]', '[0]', '["a"]'),
    expr.map((index) => `[${index}]`),
  );
  return fc.array(segment, { maxLength: 3 }).map((segments) => segments.join(''));
}

/** A text literal with `"` written as `""`. */
const textLiteral = fc
  .oneof(fc.constantFrom(...TEXTS), trickyText, fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ maxLength: 12 }))
  .map((value) => `"${value.replace(/"/g, '""')}"`);

const numberLiteral = fc.oneof(
  fc.nat({ max: 40 }).map(String),
  fc.stringMatching(/^[0-9]{1,22}(\.[0-9]{1,4})?$/),
);

const moduleReference = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.oneof(fc.constantFrom('a', 'b', 'n', 'name', 'items', 'email', 'date'), identifier)).map(([id, key]) => `${id}.${key}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), backtickKey).map(([id, key]) => `${id}.\`${key}\``),
  fc.integer({ min: 1, max: 4 }).map((id) => `\`${id}\``),
);

const rootReference = fc.oneof(
  fc.constantFrom('var.input.x', 'var.input', 'var.scenario.name', 'var', 'unknownWord', 'constructor', '__proto__', 'toString'),
  identifier,
);

const BINARY = ['+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', '&', '|', '==', '===', '!==', '&&', '||', '++'];
const space = fc.constantFrom('', ' ', '  ', '\n');

/**
 * Well-formed IML expression text from the grammar of IML.md §A.7: literals, keywords, module and variable
 * references with paths, unary and binary operators, parentheses and calls to every registered function
 * with 0 to maxArgs + 1 arguments, some left blank.
 */
export const expressionText: fc.Arbitrary<string> = fc.letrec<{ expr: string; call: string }>((tie) => {
  const expr = tie('expr');
  const call = fc.constantFrom(...FUNCTIONS).chain((fn) => {
    const most = Number.isFinite(fn.maxArgs) ? fn.maxArgs + 1 : fn.minArgs + 4;
    return fc
      .array(fc.option(expr, { freq: 6, nil: '' }), { maxLength: most })
      .chain((args) => space.map((gap) => `${fn.name}(${args.join(`;${gap}`)})`));
  });
  return {
    expr: fc.oneof(
      { depthSize: 'small', maxDepth: 6, withCrossShrink: true },
      fc.oneof(numberLiteral, textLiteral, fc.constantFrom(...KEYWORDS), moduleReference, rootReference),
      fc.tuple(fc.oneof(moduleReference, rootReference, textLiteral, fc.constantFrom(...KEYWORDS)), postfix(expr)).map(([base, path]) => base + path),
      fc.tuple(fc.constantFrom('-', '!'), expr).map(([op, operand]) => op + operand),
      fc.tuple(expr, fc.constantFrom(...BINARY), expr, space).map(([left, op, right, gap]) => `${left} ${op}${gap} ${right}`),
      fc.tuple(expr, postfix(expr)).map(([inner, path]) => `(${inner})${path}`),
      call,
      fc.tuple(call, postfix(expr)).map(([inner, path]) => inner + path),
    ),
    call,
  };
}).expr;

/** A field template: one whole-field expression (typed result) or text mixed with expressions. */
export const templateText: fc.Arbitrary<string> = fc.oneof(
  expressionText.map((expr) => `{{${expr}}}`),
  fc
    .array(fc.oneof(expressionText.map((expr) => `{{${expr}}}`), fc.constantFrom('', ' ', 'Hi ', ', ', '}', '"', '`')), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join('')),
);

/** Characters that matter to the splitter, lexer and parser, for inserting into templates. */
const SYNTAX_CHARS = ['{', '}', '{{', '}}', '(', ')', '[', ']', '"', '""', '`', "'", ';', ',', '.', '+', '-', '!', '=', '<', '&', '|', '%', ' ', 'a', '1', '\ud800', '😀'];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'repeat'; at: number; text: string; times: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SYNTAX_CHARS), fc.string({ maxLength: 3, unit: 'binary' })) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    text: fc.constantFrom('(', ')', '[', '-', '!', '"', '`', '{{', 'abs(', '1+', '.a', '[1.a', '1.a[', '"a";', ';', '+', '+1'),
    times: fc.oneof(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 200, max: 3000 })),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function applyMutation(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'repeat':
      return text.slice(0, at) + m.text.repeat(m.times) + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

/** Mostly-valid templates broken by a few random edits: deleted or inserted characters, unbalanced quotes and brackets, deep nesting. */
export const mutatedTemplateText: fc.Arbitrary<string> = fc
  .tuple(templateText, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([text, mutations]) => mutations.reduce(applyMutation, text));

/** Arbitrary text up to 10 KB, either any UTF-16 or dense in IML syntax characters. */
export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 10_000, unit: 'binary', size: 'max' }),
  fc.string({ maxLength: 10_000, unit: fc.constantFrom(...SYNTAX_CHARS, 'abs(', '1.', 'now', '\n'), size: 'max' }),
  fc.string({ maxLength: 200, unit: fc.constantFrom(...SYNTAX_CHARS, 'abs(', '1.', 'now', '\n') }),
);

const ZONES = ['UTC', 'Europe/Prague', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
export const timezone = fc.constantFrom(...ZONES);
const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...TEXTS),
  trickyText,
  fc.jsonValue({ maxDepth: 2 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
);
const record = fc.dictionary(fc.constantFrom(...KEYS), leafValue, { maxKeys: 5, noNullPrototype: true });
const bundleValue = fc.oneof(leafValue, record, fc.array(fc.oneof(record, leafValue), { maxLength: 4 }));
const bundle = fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), bundleValue, { maxKeys: 7, noNullPrototype: true }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });

/** Context JSON as `remake eval --context` reads it: bundles of modules 1-3, `now`, a valid zone, `var`. */
export const contextJson = fc.record(
  {
    '1': bundle,
    '2': bundle,
    '3': bundle,
    now: fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
    timezone,
    executionId: fc.string({ maxLength: 8 }),
    var: fc.record({ input: fc.record({ x: bundleValue }), scenario: fc.record({ name: fc.string({ maxLength: 5 }) }) }),
  },
  { requiredKeys: ['now', 'timezone'] },
);

/**
 * Any value an IML expression can produce, including the awkward ones: NaN and Infinity (`0/0`, `1/0`),
 * dates at the ends of the JavaScript range, buffers, lone surrogates, nested arrays and collections.
 */
export const imlValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    trickyText,
    fc.string({ maxLength: 8, unit: 'binary' }),
    fc.double(),
    fc.integer({ min: -100, max: 100 }),
    fc.constantFrom(0, -0, 1e20, -1e20, 8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE),
    fc.constantFrom(true, false, null, undefined),
    fc.date({ noInvalidDate: true }),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

