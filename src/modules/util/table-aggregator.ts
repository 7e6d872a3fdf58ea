// Table aggregator of the Tools app: one text table, a row per aggregated bundle, columns joined by a separator.
// SEMANTICS.md rule 65 names it without its fields; module name and fields here are a GUESS (docs/semantics.md).
import { z } from 'zod';
import { optional, text } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { toText } from '../../iml/index.ts';

/** `other` takes the custom separator, as the text aggregator's row separator does [corpus: util:TextAggregator]. */
function separator(choice: string | undefined, other: string | undefined, fallback: string): string {
  if (choice === 'other') return other ?? '';
  return choice ?? fallback;
}

export const tableAggregator = defineModule({
  app: 'util', name: 'TableAggregator', version: 1, kind: 'aggregator',
  title: 'Table aggregator',
  description: 'Joins the mapped columns of each aggregated bundle with a column separator, and the rows with a row separator.',
  parameters: z.object({ feeder: z.unknown().optional(), rowSeparator: optional(text()), otherRowSeparator: optional(text()), columnSeparator: optional(text()), otherColumnSeparator: optional(text()) }).loose(),
  mapper: z.record(z.string(), z.unknown()),
  output: [{ name: 'text', type: 'text', label: 'Text' }],
  example: { id: 5, module: 'util:TableAggregator', version: 1, parameters: { feeder: 2, rowSeparator: '\n', columnSeparator: '\t' }, mapper: { name: '{{2.name}}', price: '{{2.price}}' } },
  aggregate(_ctx, { parameters, items }) {
    const rows = separator(parameters.rowSeparator, parameters.otherRowSeparator, '\n');
    const columns = separator(parameters.columnSeparator, parameters.otherColumnSeparator, '\t');
    return { text: items.map((item) => Object.values(item).map((value) => toText(value)).join(columns)).join(rows) };
  },
});
