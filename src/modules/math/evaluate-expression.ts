// Math > Evaluate a math expression (`math:EvaluateExpression` v1): arithmetic on text such as "sqrt(3^2 + 4^2) * 2".
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule, type ModuleContext } from '../../executor/module-api.ts';

/** The part of mathjs this module uses. */
interface Evaluator {
  evaluate(expression: string, scope: Map<string, unknown>): unknown;
}

/** mathjs functions that reach into the instance (or draw unseeded random numbers), blocked in expressions. */
const BLOCKED = ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve', 'rationalize', 'pickRandom', 'randomInt'];

/**
 * A mathjs instance over plain numbers (no matrices, units or big numbers, so no expression can allocate a huge
 * matrix), with the functions that read or change the instance itself switched off, as mathjs's security notes
 * advise. mathjs takes about half a second to load, so it is imported on the first evaluation, not with the
 * module registry; the promise is kept so later evaluations reuse the instance.
 */
const evaluator: () => Promise<Evaluator> = (() => {
  let instance: Promise<Evaluator> | undefined;
  return () => {
    instance ??= import('mathjs/number').then(({ create, all }) => {
      if (all === undefined) throw new Error('mathjs/number exports no function set.');
      const math = create(all);
      // Taken before the override below, which replaces `evaluate` inside expressions only.
      const evaluate = math.evaluate.bind(math);
      const disabled = (name: string) => () => {
        throw new Error(`Function ${name} is not available in a math expression`);
      };
      math.import(Object.fromEntries(BLOCKED.map((name) => [name, disabled(name)])), { override: true });
      return { evaluate };
    });
    return instance;
  };
})();

/** `random()`, `random(max)` and `random(min, max)` from the run's random source, so seeded runs repeat. */
function seededRandom(ctx: ModuleContext): (...bounds: number[]) => number {
  return (...bounds) => {
    const [min, max] = bounds.length >= 2 ? [bounds[0] ?? 0, bounds[1] ?? 1] : [0, bounds[0] ?? 1];
    return min + ctx.random() * (max - min);
  };
}

/** The result as Make outputs it: a finite number (booleans from comparisons stay booleans). */
function toResult(value: unknown, expression: string): number | boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const shown = typeof value === 'number' ? String(value) : typeof value;
  throw new MakeError('DataError', `The expression ${JSON.stringify(expression)} does not give a finite number (it gives ${shown}).`);
}

/**
 * Evaluates `expression` and outputs `{result}` [corpus: all 21 EvaluateExpression modules are read as
 * `{{N.result}}`]. Make's example is "(sqrt(3^2 + 4^2)) + (2 * (3 + 4))" [make.com/en/help/apps/built-in-apps/math],
 * so `^` is a power and functions such as sqrt, round and abs exist; mathjs reads that syntax. GUESS: Make's full
 * function list is not in our sources; mathjs's number functions stand in for it, and any failure to parse or
 * evaluate is a DataError.
 */
export const evaluateExpression = defineModule({
  app: 'math',
  name: 'EvaluateExpression',
  version: 1,
  title: 'Math: Evaluate a math expression',
  description: 'Evaluates a mathematical expression (operators + - * / ^ %, parentheses and functions such as sqrt or round).',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z.object({ expression: text() }).loose(),
  output: [{ name: 'result', type: 'number', label: 'Result' }],
  example: { id: 6, module: 'math:EvaluateExpression', version: 1, parameters: {}, mapper: { expression: '{{1.price}} * 1.2 + 5' } },
  async run(ctx, { mapper }) {
    const expression = mapper.expression.trim();
    if (expression === '') throw new MakeError('DataError', 'The expression is empty.');
    const math = await evaluator();
    let value: unknown;
    try {
      value = math.evaluate(expression, new Map<string, unknown>([['random', seededRandom(ctx)]]));
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new MakeError('DataError', `The expression ${JSON.stringify(expression)} cannot be evaluated: ${reason}.`, { cause });
    }
    return [{ result: toResult(value, expression) }];
  },
});
