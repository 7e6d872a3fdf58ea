// JSON > Create JSON (`json:CreateJSON` v1): writes the fields of a data structure, as mapped, into JSON text.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { indentation, toJsonText } from './json-text.ts';

/**
 * Outputs `{json}` [corpus: every downstream reference of the 7 CreateJSON modules is `{{N.json}}`]. The mapper
 * holds the data structure's fields (e.g. `{model, messages: [{role, content}]}` [corpus]), written as mapped.
 * GUESS: values are not converted to the structure's field types (Remake does not have the structure), and an
 * empty mapped value is kept (as "" or null) rather than left out.
 */
export const createJson = defineModule({
  app: 'json',
  name: 'CreateJSON',
  version: 1,
  title: 'JSON: Create JSON',
  description: 'Creates JSON text from the mapped fields of a data structure.',
  kind: 'action',
  parameters: z.object({ type: z.unknown().optional(), space: indentation() }).loose(),
  mapper: z.record(z.string(), z.unknown()),
  output: [{ name: 'json', type: 'text', label: 'JSON string' }],
  example: {
    id: 3,
    module: 'json:CreateJSON',
    version: 1,
    parameters: { type: 415902, space: '' },
    mapper: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: '{{1.question}}' }] },
  },
  run(_ctx, { parameters, mapper }) {
    return [{ json: toJsonText(mapper, parameters.space) }];
  },
});
