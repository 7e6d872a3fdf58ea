// JSON > Transform to JSON (`json:TransformToJSON` v1): any mapped value as JSON text.
import { z } from 'zod';
import { any } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { indentation, toJsonText } from './json-text.ts';

/**
 * Outputs `{json}` [corpus: `{{91.json}}`] for the mapped `object` [corpus: `mapper.object`, type any]. Text is
 * written as a JSON string, quotes and escapes included, which is why scenarios use this module to embed text in
 * a JSON body. GUESS: an empty `object` gives `null`.
 */
export const transformToJson = defineModule({
  app: 'json',
  name: 'TransformToJSON',
  version: 1,
  title: 'JSON: Transform to JSON',
  description: 'Converts any value (text, number, array, collection) to JSON text.',
  kind: 'action',
  parameters: z.object({ space: indentation() }).loose(),
  mapper: z.object({ object: any().optional() }).loose(),
  output: [{ name: 'json', type: 'text', label: 'JSON string' }],
  example: { id: 4, module: 'json:TransformToJSON', version: 1, parameters: { space: '' }, mapper: { object: '{{3.array}}' } },
  run(_ctx, { parameters, mapper }) {
    return [{ json: toJsonText(mapper.object, parameters.space) }];
  },
});
