// Text and numeric aggregators of the Tools app (SEMANTICS.md rule 65).
import { z } from 'zod';
import { toNumber, toText } from '../../iml/index.ts';
import { optional, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule } from '../../executor/module-api.ts';

export const textAggregator = defineModule({
  app: 'util', name: 'TextAggregator', version: 1, kind: 'aggregator',
  title: 'Text aggregator',
  description: 'Joins the mapped text of every aggregated bundle with a row separator.',
  parameters: z.object({ feeder: z.unknown().optional(), rowSeparator: optional(text()), otherRowSeparator: optional(text()) }).loose(),
  mapper: z.object({ value: z.unknown() }).loose(),
  output: [{ name: 'text', type: 'text', label: 'Text' }],
  example: { id: 5, module: 'util:TextAggregator', version: 1, parameters: { feeder: 2, rowSeparator: '\n' }, mapper: { value: '{{2.name}}' } },
  aggregate(_ctx, { parameters, items }) {
    // `other` takes the custom separator; exports write "\n", "\t" or "" (none) directly.
    const separator = parameters.rowSeparator === 'other' ? (parameters.otherRowSeparator ?? '') : (parameters.rowSeparator ?? '');
    return { text: items.map((item) => toText(item.value)).join(separator) };
  },
});

type NumericFunction = 'sum' | 'avg' | 'count' | 'max' | 'min';
const FUNCTIONS: Record<NumericFunction, (values: readonly number[], count: number) => number | null> = {
  sum: (values) => values.reduce((total, value) => total + value, 0),
  avg: (values) => (values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length),
  count: (_values, count) => count,
  max: (values) => (values.length === 0 ? null : Math.max(...values)),
  min: (values) => (values.length === 0 ? null : Math.min(...values)),
};

export const numericAggregator = defineModule({
  app: 'util', name: 'FunctionAggregator2', version: 1, kind: 'aggregator',
  title: 'Numeric aggregator',
  description: 'Sum, average, count, maximum or minimum of the mapped number of every aggregated bundle.',
  parameters: z.object({ feeder: z.unknown().optional(), fn: z.enum(['sum', 'avg', 'count', 'max', 'min']) }).loose(),
  mapper: z.object({ value: z.unknown() }).loose(),
  output: [{ name: 'result', type: 'number', label: 'Result' }],
  example: { id: 5, module: 'util:FunctionAggregator2', version: 1, parameters: { feeder: 2, fn: 'sum' }, mapper: { value: '{{2.price}}' } },
  aggregate(_ctx, { parameters, items }) {
    const values: number[] = [];
    for (const item of items) {
      let value: number | undefined;
      try {
        value = toNumber(item.value);
      } catch {
        throw new MakeError('DataError', `Numeric aggregator: '${toText(item.value)}' is not a number.`);
      }
      if (value !== undefined) values.push(value);
    }
    return { result: FUNCTIONS[parameters.fn](values, items.length) };
  },
});
