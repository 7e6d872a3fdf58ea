// Scenario inputs and outputs (Make's scenario interface): Start scenario hands the run's inputs on as its bundle,
// Return output sets the outputs an API run with `responsive` answers with.
import { z } from 'zod';
import { defineModule, type ModuleDefinition } from '../../executor/module-api.ts';

const AnyRecord = z.record(z.string(), z.unknown());

function startSubscenario(version: number): ModuleDefinition {
  return defineModule({
    app: 'scenario-service', name: 'StartSubscenario', version, kind: 'trigger',
    title: 'Start scenario',
    description: 'Starts the scenario with the inputs it was run with (API run `data`, another scenario\'s call); the inputs are its bundle.',
    parameters: z.unknown(),
    mapper: z.unknown(),
    output: [{ name: '<scenario inputs>', type: 'any', label: 'The inputs of the scenario interface' }],
    example: { id: 1, module: 'scenario-service:StartSubscenario', version, parameters: {}, mapper: {} },
    run(ctx) {
      return [{ ...ctx.inputs }];
    },
  });
}

function returnData(version: number): ModuleDefinition {
  return defineModule({
    app: 'scenario-service', name: 'ReturnData', version, kind: 'action',
    title: 'Return output',
    description: 'Sets the scenario outputs (mapper field names are the output names); a responsive API run answers with them.',
    parameters: z.unknown(),
    mapper: AnyRecord,
    output: [],
    example: { id: 2, module: 'scenario-service:ReturnData', version, parameters: {}, mapper: { result: '{{1.value}}' } },
    run(ctx, { mapper }) {
      ctx.returnOutputs(mapper);
      return [{}];
    },
  });
}

export const scenarioServiceModules: readonly ModuleDefinition[] = [startSubscenario(1), startSubscenario(2), returnData(1), returnData(2)];
