// Array aggregator (builtin:BasicAggregator): the mapped fields of every aggregated bundle as one array (SEMANTICS.md rule 65).
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';

export const arrayAggregator = defineModule({
  app: 'builtin', name: 'BasicAggregator', version: 1, kind: 'aggregator',
  title: 'Array aggregator',
  description: "Collects the bundles of its source module's operation into `array`, one item per bundle with the selected fields.",
  parameters: z.object({ feeder: z.unknown().optional(), target: z.unknown().optional() }).loose(),
  mapper: z.record(z.string(), z.unknown()),
  output: [
    { name: 'array', type: 'array', label: 'Array' },
    { name: '__IMTAGGLENGTH__', type: 'uinteger', label: 'Total number of aggregated bundles' },
  ],
  example: { id: 5, module: 'builtin:BasicAggregator', version: 1, parameters: { feeder: 2 }, mapper: { sku: '{{2.sku}}' } },
  aggregate(_ctx, { items }) {
    return { array: [...items], __IMTAGGLENGTH__: items.length };
  },
});
