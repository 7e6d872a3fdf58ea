// JSON > Aggregate to JSON (`json:AggregateToJSON` v1): the mapped items of the aggregated bundles as one JSON array.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { indentation, toJsonText } from './json-text.ts';

/**
 * "Converts the multiple output bundles to a single bundle" [apps.make.com/json]. Each aggregated bundle's mapper
 * (the data structure's fields) is one item of the array. GUESS: the output field is `json`, as Create JSON's is,
 * and an empty aggregation gives `[]`.
 */
export const aggregateToJson = defineModule({
  app: 'json',
  name: 'AggregateToJSON',
  version: 1,
  title: 'JSON: Aggregate to JSON',
  description: 'Aggregates the mapped fields of many bundles into one JSON array.',
  kind: 'aggregator',
  parameters: z.object({ feeder: z.unknown().optional(), type: z.unknown().optional(), space: indentation() }).loose(),
  mapper: z.record(z.string(), z.unknown()),
  output: [{ name: 'json', type: 'text', label: 'JSON string' }],
  example: {
    id: 5,
    module: 'json:AggregateToJSON',
    version: 1,
    parameters: { feeder: 2, type: 123456, space: '' },
    mapper: { id: '{{2.id}}', name: '{{2.name}}' },
  },
  aggregate(_ctx, { parameters, items }) {
    return { json: toJsonText(items, parameters.space) };
  },
});
