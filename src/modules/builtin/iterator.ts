// Iterator (builtin:BasicFeeder): one bundle per array item, with its position and the array length (SEMANTICS.md §5).
import { z } from 'zod';
import { isCollection } from '../../iml/index.ts';
import { defineModule } from '../../executor/module-api.ts';

export const iterator = defineModule({
  app: 'builtin', name: 'BasicFeeder', version: 1, kind: 'iterator',
  title: 'Iterator',
  description: 'Splits an array into one bundle per item; collections keep their fields, other items come out as `value`.',
  parameters: z.unknown(),
  mapper: z.object({ array: z.unknown().optional() }).loose(),
  output: [
    { name: '__IMTINDEX__', type: 'uinteger', label: 'Bundle order position' },
    { name: '__IMTLENGTH__', type: 'uinteger', label: 'Total number of bundles' },
    { name: 'value', type: 'any', label: 'Value (items that are not collections)' },
  ],
  example: { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.items}}' } },
  run(_ctx, { mapper }) {
    // null or missing → no bundle; a non-array value is wrapped in a one-item array (rule 59, imt-proto feeder).
    const items = mapper.array === undefined || mapper.array === null ? [] : Array.isArray(mapper.array) ? mapper.array : [mapper.array];
    const length = items.length;
    // __IMTINDEX__ is 1-based (rule 57, GUESS recorded in docs/semantics.md).
    return items.map((item, index) => ({ ...(isCollection(item) ? item : { value: item }), __IMTINDEX__: index + 1, __IMTLENGTH__: length }));
  },
});
