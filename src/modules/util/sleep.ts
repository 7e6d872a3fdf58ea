// Sleep (util:FunctionSleep): delays the flow by up to 300 seconds (SEMANTICS.md rule 69).
import { z } from 'zod';
import { number, optional } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule } from '../../executor/module-api.ts';

const MAX_SECONDS = 300;

export const sleep = defineModule({
  app: 'util', name: 'FunctionSleep', version: 1, kind: 'action',
  title: 'Sleep',
  description: 'Waits the given number of seconds (at most 300) before the flow continues.',
  parameters: z.unknown(),
  mapper: z.object({ duration: optional(number()) }).loose(),
  output: [],
  example: { id: 5, module: 'util:FunctionSleep', version: 1, mapper: { duration: '2' } },
  async run(ctx, { mapper }) {
    const seconds = mapper.duration ?? 0;
    if (seconds < 0 || seconds > MAX_SECONDS) throw new MakeError('BundleValidationError', `Sleep duration must be from 0 to ${MAX_SECONDS} seconds; got ${seconds}.`);
    await ctx.sleep(seconds * 1000);
    return [{}];
  },
});
