// Text parser > Replace (`regexp:Replace` v1): replaces the matches of a regular expression in a text.
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { compilePattern, flag, optionalText } from './regexp-options.ts';

/**
 * Outputs `{text}` [corpus: every downstream reference of the 26 Replace modules is `{{N.text}}`]. Everything
 * sits in the mapper, so the pattern and options can be mapped [corpus]. The new value follows JavaScript's
 * replacement syntax: `$1`, `$<name>`, `$&` and `$$` [corpus: `value: "$1"`]; a backslash is literal, so `\(`
 * inserts `\(` [corpus: Cainisable escapes brackets this way]. GUESS: Case sensitive defaults to on, Multiline
 * and Singleline to off, when an older export leaves them out [corpus: manasoid Replace has only `global`].
 */
export const replace = defineModule({
  app: 'regexp',
  name: 'Replace',
  version: 1,
  title: 'Text parser: Replace',
  description: 'Replaces the first match, or every match, of a regular expression in a text with a new value.',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z
    .object({
      pattern: text(),
      value: optionalText(),
      text: optionalText(),
      global: flag(false),
      sensitive: flag(true),
      multiline: flag(false),
      singleline: flag(false),
    })
    .loose(),
  output: [{ name: 'text', type: 'text', label: 'Text' }],
  example: {
    id: 4,
    module: 'regexp:Replace',
    version: 1,
    parameters: {},
    mapper: { text: '{{3.text}}', pattern: '[\\r\\n]+', value: ' ', global: true, sensitive: true, multiline: false, singleline: false },
  },
  run(_ctx, { mapper }) {
    const regex = compilePattern(mapper.pattern, mapper);
    return [{ text: mapper.text.replace(regex, mapper.value) }];
  },
});
