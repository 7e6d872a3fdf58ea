// Increment function (util:FunctionIncrement): 1 the first time, then +1 per operation; reset after a cycle,
// after a run, or never (SEMANTICS.md rule 71; `run` = "After one cycle" per the Tools help page).
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';

export const increment = defineModule({
  app: 'util', name: 'FunctionIncrement', version: 1, kind: 'action',
  title: 'Increment function',
  description: 'Returns 1, 2, 3, … on each operation; resets after one cycle, one execution, or never.',
  parameters: z.object({ reset: z.enum(['run', 'execution', 'scenario']).catch('run') }).loose().catch({ reset: 'run' as const }),
  mapper: z.unknown(),
  output: [{ name: 'i', type: 'number', label: 'i' }],
  example: { id: 4, module: 'util:FunctionIncrement', version: 1, parameters: { reset: 'execution' } },
  async run(ctx, { parameters }) {
    const key = `increment:${ctx.moduleId}`;
    if (parameters.reset === 'scenario') {
      const i = Number((await ctx.state.get(ctx.scenario, key)) ?? 0) + 1;
      await ctx.state.set(ctx.scenario, key, i);
      return [{ i }];
    }
    const memory = parameters.reset === 'run' ? ctx.memory.cycle : ctx.memory.execution;
    const i = Number(memory.get(key) ?? 0) + 1;
    memory.set(key, i);
    return [{ i }];
  },
});
