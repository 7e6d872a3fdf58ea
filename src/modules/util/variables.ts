// Set/Get variable modules of the Tools app (SEMANTICS.md rule 70): values any later module may read,
// for one cycle (`roundtrip`) or the whole execution (`execution`).
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { defineModule, type VariableScope } from '../../executor/module-api.ts';

const scope = z.preprocess((value) => (value === 'execution' ? 'execution' : 'roundtrip'), z.enum(['roundtrip', 'execution']));
const unset = null; // a variable never set reads as empty (rule 70, GUESS)

export const setVariable = defineModule({
  app: 'util', name: 'SetVariable2', version: 1, kind: 'action',
  title: 'Set variable',
  description: 'Stores a value under a name for this cycle or this execution; outputs it under that name.',
  parameters: z.unknown(),
  mapper: z.object({ name: text(), scope: scope.optional(), value: z.unknown().optional() }).loose(),
  output: [{ name: '<name>', type: 'any', label: 'The variable, under its name' }],
  example: { id: 3, module: 'util:SetVariable2', version: 1, mapper: { name: 'total', scope: 'roundtrip', value: '{{1.amount}}' } },
  run(ctx, { mapper }) {
    ctx.variables.set(mapper.name, mapper.value, (mapper.scope ?? 'roundtrip') as VariableScope);
    return [{ [mapper.name]: mapper.value }];
  },
});

export const setVariables = defineModule({
  app: 'util', name: 'SetVariables', version: 1, kind: 'action',
  title: 'Set multiple variables',
  description: 'Stores several named values at once; outputs them all.',
  parameters: z.unknown(),
  mapper: z.object({ scope: scope.optional(), variables: z.array(z.object({ name: text(), value: z.unknown().optional() }).loose()).optional() }).loose(),
  output: [{ name: '<name>', type: 'any', label: 'Each variable, under its name' }],
  example: { id: 3, module: 'util:SetVariables', version: 1, mapper: { scope: 'roundtrip', variables: [{ name: 'a', value: '1' }] } },
  run(ctx, { mapper }) {
    const out: Record<string, unknown> = {};
    for (const variable of mapper.variables ?? []) {
      ctx.variables.set(variable.name, variable.value, (mapper.scope ?? 'roundtrip') as VariableScope);
      out[variable.name] = variable.value;
    }
    return [out];
  },
});

export const getVariable = defineModule({
  app: 'util', name: 'GetVariable2', version: 1, kind: 'action',
  title: 'Get variable',
  description: 'Reads a variable set earlier in time in this execution, on any route.',
  parameters: z.unknown(),
  mapper: z.object({ name: text() }).loose(),
  output: [{ name: '<name>', type: 'any', label: 'The variable, under its name' }],
  example: { id: 6, module: 'util:GetVariable2', version: 1, mapper: { name: 'total' } },
  run(ctx, { mapper }) {
    return [{ [mapper.name]: ctx.variables.has(mapper.name) ? ctx.variables.get(mapper.name) : unset }];
  },
});

/** Exports write `variables` as names (`["a", "b"]`); older forms as `[{name}]`. */
const variableName = z.union([text(), z.object({ name: text() }).loose().transform((item) => item.name)]);

export const getVariables = defineModule({
  app: 'util', name: 'GetVariables', version: 1, kind: 'action',
  title: 'Get multiple variables',
  description: 'Reads several variables in one operation.',
  parameters: z.unknown(),
  mapper: z.object({ variables: z.array(variableName).optional() }).loose(),
  output: [{ name: '<name>', type: 'any', label: 'Each variable, under its name' }],
  example: { id: 6, module: 'util:GetVariables', version: 1, mapper: { variables: ['a', 'b'] } },
  run(ctx, { mapper }) {
    const out: Record<string, unknown> = {};
    for (const name of mapper.variables ?? []) out[name] = ctx.variables.has(name) ? ctx.variables.get(name) : unset;
    return [out];
  },
});
