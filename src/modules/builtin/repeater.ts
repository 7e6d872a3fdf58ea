// Repeater (builtin:BasicRepeater): `repeats` bundles with i = start, start + step, … (SEMANTICS.md rule 68).
import { z } from 'zod';
import { number, optional } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule } from '../../executor/module-api.ts';

/** The most repeats Make's form accepts. */
const MAX_REPEATS = 10_000;

export const repeater = defineModule({
  app: 'builtin', name: 'BasicRepeater', version: 1, kind: 'iterator',
  title: 'Repeater',
  description: 'Outputs `repeats` bundles whose `i` starts at `start` and grows by `step`.',
  parameters: z.unknown(),
  mapper: z.object({ start: optional(number()), repeats: optional(number()), step: optional(number()) }).loose(),
  output: [{ name: 'i', type: 'number', label: 'i' }],
  example: { id: 2, module: 'builtin:BasicRepeater', version: 1, mapper: { start: '1', repeats: '5', step: '1' } },
  run(_ctx, { mapper }) {
    const repeats = mapper.repeats ?? 1;
    if (!Number.isInteger(repeats) || repeats < 0 || repeats > MAX_REPEATS) throw new MakeError('BundleValidationError', `Repeats must be a whole number from 0 to ${MAX_REPEATS}; got ${repeats}.`);
    const start = mapper.start ?? 1;
    const step = mapper.step ?? 1;
    return Array.from({ length: repeats }, (_, index) => ({ i: start + index * step }));
  },
});
