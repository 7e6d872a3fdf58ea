// Property tests of IML: the compiler fails only with ImlCompileError, its cost grows linearly, evaluation fails only with IML errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import fc from 'fast-check';
import type { AstNode } from '../src/iml/ast.ts';
import { toText } from '../src/iml/coerce.ts';
import { createEvalContext, parseContextJson } from '../src/iml/context.ts';
import { ImlCompileError, ImlErrorCode, isImlError } from '../src/iml/errors.ts';
import { toJsonValue } from '../src/iml/json.ts';
import { tokenize } from '../src/iml/lexer.ts';
import { compileTemplate, type CompiledTemplate } from '../src/iml/template.ts';
import { splitTemplate } from '../src/iml/template-splitter.ts';
import type { Dialect, EvalContext } from '../src/iml/types.ts';
import { FUNCTIONS, UNSUPPORTED_FUNCTIONS } from '../src/iml/functions/registry.ts';
import { RemakeError } from '../src/shared/errors.ts';
import { seededRandom } from '../src/shared/random.ts';
import { arbitraryText, contextJson, imlValue, mutatedTemplateText, templateText, timezone } from './support/iml-arbitraries.ts';

const COMPILE_CODES: ReadonlySet<string> = new Set([ImlErrorCode.syntax, ImlErrorCode.unknownFunction]);

/** Compiles `source`; returns the template, or the ImlCompileError after checking its code and position. */
function compileOrReject(source: string, dialect: Dialect = 'scenario'): CompiledTemplate | ImlCompileError {
  try {
    return compileTemplate(source, { dialect });
  } catch (error) {
    if (!(error instanceof ImlCompileError)) {
      throw new Error(`compileTemplate threw ${describeError(error)} for ${preview(source)}`, { cause: error });
    }
    const position = error.where.position;
    assert.ok(COMPILE_CODES.has(error.code), `unexpected code ${error.code}`);
    assert.ok(
      typeof position === 'number' && Number.isInteger(position) && position >= 1 && position <= source.length,
      `position ${String(position)} outside 1..${source.length} for ${preview(source)}: ${error.message}`,
    );
    return error;
  }
}

/** A Date whose time is NaN somewhere in `value`: IML has no such value, dates are valid or empty. */
function findInvalidDate(value: unknown): boolean {
  if (value instanceof Date) return Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.some(findInvalidDate);
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) return Object.values(value).some(findInvalidDate);
  return false;
}

/**
 * The first error in the cause chain that IML did not raise on purpose. The compiler wraps anything a
 * function throws as "Function 'x' finished with error", so isImlError alone would let a TypeError through.
 */
function nativeCause(error: unknown): unknown {
  for (let current = error; current instanceof Error; current = current.cause) if (!isImlError(current)) return current;
  return undefined;
}

/** Evaluates: a failure must be a typed IML error with no native error behind it; a result must be usable as text and JSON. */
function evaluateChecked(template: CompiledTemplate, ctx: EvalContext, what: string): void {
  let value: unknown;
  try {
    value = template.evaluate(ctx);
  } catch (error) {
    const native = nativeCause(error);
    assert.ok(isImlError(error) && native === undefined, `${what} threw ${describeError(native ?? error)}`);
    return;
  }
  toText(value);
  toJsonValue(value);
  assert.ok(!findInvalidDate(value), `${what} gave an invalid date`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);
}

function preview(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text);
}

test('compiling any text up to 10 KB gives a template or an ImlCompileError with a position inside it', () => {
  fc.assert(
    fc.property(arbitraryText, fc.constantFrom<Dialect>('scenario', 'app'), (source, dialect) => {
      compileOrReject(source, dialect);
    }),
    { numRuns: 1000 },
  );
});

test('compiling mutated templates (edits, unbalanced quotes and brackets, deep nesting) gives a template or an ImlCompileError', () => {
  const ctx = createEvalContext({ '1': { a: 1, items: [{ name: 'x' }] }, now: '2024-01-01T00:00:00Z' }, { random: seededRandom(1) });
  fc.assert(
    fc.property(mutatedTemplateText, (source) => {
      const compiled = compileOrReject(source);
      if (compiled instanceof ImlCompileError) return;
      // What still compiles must evaluate too, or fail with a typed IML error.
      evaluateChecked(compiled, ctx, preview(source));
    }),
    { numRuns: 3000 },
  );
});

test('evaluating well-formed templates that call every function fails only with typed IML errors', () => {
  fc.assert(
    fc.property(templateText, contextJson, fc.integer(), (source, json, seed) => {
      const ctx = createEvalContext(parseContextJson(json), { random: seededRandom(seed) });
      evaluateChecked(compileTemplate(source), ctx, preview(source));
    }),
    { numRuns: 10000 },
  );
});

test('every registered function, given any IML values as arguments, fails only with typed IML errors', () => {
  const call = fc.constantFrom(...FUNCTIONS).chain((fn) => {
    const most = Number.isFinite(fn.maxArgs) ? fn.maxArgs + 1 : fn.minArgs + 4;
    return fc.tuple(fc.constant(fn.name), fc.array(imlValue, { maxLength: most }));
  });
  const now = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });
  fc.assert(
    fc.property(call, now, timezone, ([name, args], at, zone) => {
      // The arguments are read from a root, so they can be dates, buffers and NaN, which context JSON cannot hold.
      const source = `{{${name}(${args.map((_, i) => `v[${i + 1}]`).join('; ')})}}`;
      const ctx = createEvalContext({}, { now: at, timezone: zone, random: seededRandom(7), roots: { v: args } });
      evaluateChecked(compileTemplate(source), ctx, `${name}(${inspect(args, { depth: 4 }).slice(1, -1)})`);
    }),
    { numRuns: 10000 },
  );
});

test('a name that is not a registered function is reported as not found, by name', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype);
  const word = fc.oneof(fc.constantFrom(...prototypeNames), fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,10}$/));
  fc.assert(
    fc.property(word, (name) => {
      fc.pre(!FUNCTIONS.some((fn) => fn.name === name) && !Object.hasOwn(UNSUPPORTED_FUNCTIONS, name));
      const error = compileOrReject(`{{${name}(1)}}`);
      assert.ok(error instanceof ImlCompileError && error.code === ImlErrorCode.unknownFunction, `${name}() compiled`);
      assert.equal(error.message, `Function '${name}' not found at position 3.`);
    }),
    { numRuns: 500 },
  );
});

test('an unknown time zone is rejected when the context is built, not during evaluation', () => {
  assert.throws(() => createEvalContext(parseContextJson({ timezone: 'Mars/Olympus' })), (error) => error instanceof RemakeError && error.code === 'TIMEZONE_UNKNOWN');
});

/** Nodes in the syntax trees, counted without recursion. */
function countNodes(expressions: readonly AstNode[]): number {
  const stack: AstNode[] = [...expressions];
  let count = 0;
  for (let node = stack.pop(); node; node = stack.pop()) {
    count += 1;
    if (node.type === 'member') stack.push(node.object);
    else if (node.type === 'index') stack.push(node.object, ...(node.index ? [node.index] : []));
    else if (node.type === 'call') stack.push(...node.args);
    else if (node.type === 'unary') stack.push(node.operand);
    else if (node.type === 'binary') stack.push(node.left, node.right);
  }
  return count;
}

/** Inputs of about `size` characters: repetitive valid templates and pathological ones. */
const FAMILIES: Record<string, (size: number) => string> = {
  'mixed text and references': (size) => 'Hi {{1.name}}, {{upper(1.`x y`)}}; '.repeat(size / 32),
  'many small expressions': (size) => '{{1+1}}'.repeat(size / 7),
  'open parentheses': (size) => `{{${'('.repeat(size - 4)}}}`,
  'balanced parentheses': (size) => `{{${'('.repeat(size / 2 - 3)}1${')'.repeat(size / 2 - 3)}}}`,
  'nested calls': (size) => `{{${'abs('.repeat(size / 5)}1${')'.repeat(size / 5)}}}`,
  'nested indexes': (size) => `{{1.a${'[1.a'.repeat(size / 5)}${']'.repeat(size / 5)}}}`,
  'unary chain': (size) => `{{${'-!'.repeat(size / 2 - 3)}1}}`,
  'braces': (size) => '{'.repeat(size),
  'unclosed expressions': (size) => '{{'.repeat(size / 2 - 1) + '}}',
  'quotes': (size) => `{{${'"'.repeat(size - 4)}}}`,
  'unterminated quote then expressions': (size) => `{{"}}${'{{1}}'.repeat(size / 5)}`,
  'quote per expression': (size) => '{{"}}'.repeat(size / 5),
  'backtick per expression': (size) => '{{`}}'.repeat(size / 5),
  'long text literal with escapes': (size) => `{{"${'a""'.repeat(size / 3 - 2)}"}}`,
  'key chain': (size) => `{{1${'.a'.repeat(size / 2 - 3)}}}`,
  'operator chain': (size) => `{{${'1+'.repeat(size / 2 - 3)}1}}`,
  'many arguments': (size) => `{{sum(${'1;'.repeat(size / 2 - 4)}1)}}`,
  'long identifier': (size) => `{{${'a'.repeat(size - 4)}}}`,
  'whitespace': (size) => `{{1${' '.repeat(size - 6)}+1}}`,
};

/**
 * Microseconds per input character to compile `source`, best of five rounds of at least 3 ms each.
 * This is a complexity check, not a timing check: only the ratio between sizes is asserted, and
 * best-of-rounds filters out GC pauses and scheduling noise. No deterministic work counter can be
 * read from src/iml without instrumenting it, so the token and node counts are checked exactly and
 * the work itself through this ratio.
 */
function costPerChar(source: string): number {
  let best = Infinity;
  for (let round = 0; round < 5; round += 1) {
    let runs = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      compileOrReject(source);
      runs += 1;
      elapsed = performance.now() - start;
    } while (elapsed < 3);
    best = Math.min(best, (elapsed * 1000) / (runs * source.length));
  }
  return best;
}

test('compile cost grows linearly: tokens and nodes stay within the input size, 8 KB costs per character what 1 KB does', () => {
  const failures: string[] = [];
  for (const [name, make] of Object.entries(FAMILIES)) {
    for (const size of [1024, 2048, 4096, 8192]) {
      const source = make(size);
      const compiled = compileOrReject(source);
      if (compiled instanceof ImlCompileError) continue;
      const tokens = splitTemplate(source)
        .flatMap((part) => (part.kind === 'expr' ? [tokenize(part.source, part.start, 'scenario').length] : []))
        .reduce((sum, count) => sum + count, 0);
      assert.ok(tokens <= source.length + 1, `${name}: ${tokens} tokens for ${source.length} characters`);
      assert.ok(countNodes(compiled.expressions) <= source.length, `${name}: more syntax nodes than characters`);
    }
    compileOrReject(make(1024));
    const small = costPerChar(make(1024));
    const large = costPerChar(make(8192));
    // Linear work gives a ratio near 1, quadratic work near 8; 5 leaves room for noise.
    if (large / small > 5) failures.push(`${name}: ${(large / small).toFixed(1)}x the cost per character at 8 KB`);
  }
  assert.deepEqual(failures, []);
});

// Regressions found by the properties above.

const ctx = createEvalContext(
  parseContextJson(JSON.parse('{"1": {"user": {"__proto__": {"a": 1}, "b": 2}, "rows": [{"k": "__proto__", "v": "2024-01-01"}]}, "now": "2024-01-01T00:00:00Z"}')),
);

function runtimeErrorOf(source: string): unknown {
  try {
    compileTemplate(source).evaluate(ctx);
  } catch (error) {
    return error;
  }
  return undefined;
}

test('regression: thousands of nesting levels are a syntax error, not a stack overflow', () => {
  for (const source of [`{{${'('.repeat(5000)}1${')'.repeat(5000)}}}`, `{{${'abs('.repeat(3000)}1${')'.repeat(3000)}}}`, `{{${'1+'.repeat(3000)}1}}`, `{{1${'.a'.repeat(3000)}}}`, `{{${'-'.repeat(3000)}1}}`]) {
    const error = compileOrReject(source);
    assert.ok(error instanceof ImlCompileError && /nested more than 256 levels/.test(error.message), preview(source));
  }
  assert.equal(compileTemplate(`{{${'abs('.repeat(250)}-1${')'.repeat(250)}}}`).evaluate(ctx), 1);
  assert.equal(compileTemplate(`{{${'1+'.repeat(250)}1}}`).evaluate(ctx), 251);
});

test('regression: formatDate with a format of only line breaks gives empty text, not a TypeError from moment', () => {
  assert.equal(compileTemplate('{{formatDate(now; newline)}}').evaluate(ctx), '');
  assert.equal(compileTemplate('{{formatDate(now; "YYYY")}}').evaluate(ctx), '2024');
});

test('regression: encodeURL of half a surrogate pair is a DataError, not a URIError', () => {
  const error = runtimeErrorOf('{{encodeURL(substring("😀"; 0; 1))}}');
  assert.ok(isImlError(error) && error.code === ImlErrorCode.invalidArgument && nativeCause(error) === undefined);
});

test('regression: dates outside the JavaScript range are errors, never an invalid Date', () => {
  for (const source of ['{{formatDate(100000000000000000; "YYYY")}}', '{{addDays(100000000000000000; 1)}}', '{{addYears(now; 300000)}}', '{{addMinutes("+275760-09-12T23:59:59.985Z"; 4)}}']) {
    const error = runtimeErrorOf(source);
    assert.ok(isImlError(error) && nativeCause(error) === undefined, `${source}: ${describeError(error)}`);
  }
});

test('regression: omit, pick and toCollection keep a "__proto__" key of parsed JSON as a key', () => {
  assert.equal(compileTemplate('{{toString(omit(1.user; "b"))}}').evaluate(ctx), '{"__proto__":{"a":1}}');
  assert.equal(compileTemplate('{{toString(pick(1.user; "__proto__"; "b"))}}').evaluate(ctx), '{"__proto__":{"a":1},"b":2}');
  assert.equal(compileTemplate('{{toString(toCollection(1.rows; "k"; "v"))}}').evaluate(ctx), '{"__proto__":"2024-01-01"}');
});
