// Tools > Switch (`util:Switcher` v1): the output paired with the first case whose pattern matches the input.
import { z } from 'zod';
import { any, array, blankToUndefined, flag, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule } from '../../executor/module-api.ts';

const nullToEmpty = (value: unknown): unknown => (value === null || value === undefined ? '' : value);

const Case = z.object({ pattern: z.preprocess(nullToEmpty, text()), output: any().optional() }).loose();

/** Whether `input` matches one case's pattern: equal text, or a regular-expression search. */
function matches(input: string, pattern: string, useRegExp: boolean): boolean {
  if (!useRegExp) return input === pattern;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (cause) {
    throw new MakeError('InvalidConfigurationError', `The case pattern ${JSON.stringify(pattern)} is not a valid regular expression.`, { cause });
  }
  return regex.test(input);
}

/**
 * Checks the input against a list of values and returns the paired output (SEMANTICS.md rule 72 [F-tools]);
 * mapper `input`, `casesTable[{pattern, output}]`, `useRegExpMatch`, `elseOutput`, output `{output}` [corpus].
 * GUESS: cases are tried in order and the first match wins; without regular expressions a case matches when its
 * pattern equals the input text exactly (case included); with them the pattern is searched anywhere in the input
 * with no flags [corpus: patterns written both as `learning` and as `.*(blog|post).*` and `^<@.*>$`];
 * no match gives `elseOutput`, or null when Else is empty.
 */
export const switcher = defineModule({
  app: 'util',
  name: 'Switcher',
  version: 1,
  title: 'Tools: Switch',
  description: 'Compares the input with a list of cases and outputs the value paired with the first match, or the Else value.',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z
    .object({
      input: z.preprocess(nullToEmpty, text()),
      casesTable: z.preprocess(blankToUndefined, array(Case).default([])),
      useRegExpMatch: flag(),
      elseOutput: any().optional(),
    })
    .loose(),
  output: [{ name: 'output', type: 'any', label: 'Output' }],
  example: {
    id: 4,
    module: 'util:Switcher',
    version: 1,
    parameters: {},
    mapper: {
      input: '{{1.status}}',
      useRegExpMatch: false,
      casesTable: [
        { pattern: 'paid', output: 'Thank you for your payment' },
        { pattern: 'overdue', output: 'Your invoice is overdue' },
      ],
      elseOutput: 'We received your message',
    },
  },
  run(_ctx, { mapper }) {
    const match = mapper.casesTable.find((item) => matches(mapper.input, item.pattern, mapper.useRegExpMatch));
    return [{ output: (match === undefined ? mapper.elseOutput : match.output) ?? null }];
  },
});
