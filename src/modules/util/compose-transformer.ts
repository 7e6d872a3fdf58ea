// Tools > Compose a string (`util:ComposeTransformer` v1): the mapped value as text.
import { z } from 'zod';
import { any } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { toText } from '../../iml/index.ts';

/**
 * Converts any value, binary included, to text, output `value` (SEMANTICS.md rule 73 [F-tools]; corpus:
 * `{{N.value}}`). Text follows IML's rules: arrays as comma-separated items, collections as
 * JSON, dates as ISO 8601, binary decoded as UTF-8, empty as "".
 */
export const composeTransformer = defineModule({
  app: 'util',
  name: 'ComposeTransformer',
  version: 1,
  title: 'Tools: Compose a string',
  description: 'Outputs the mapped value as text.',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z.object({ value: any().optional() }).loose(),
  output: [{ name: 'value', type: 'text', label: 'Text' }],
  example: { id: 3, module: 'util:ComposeTransformer', version: 1, parameters: {}, mapper: { value: 'Hello {{1.name}}!' } },
  run(_ctx, { mapper }) {
    return [{ value: toText(mapper.value) }];
  },
});
