// Stored scenarios compiled once per blueprint version: the model the executor runs and what the server needs to
// know of it (a Webhook response module, sequential processing, the consecutive-errors limit). The blueprint is
// read from the store only when the version changed.
import { importBlueprint } from '../blueprint/index.ts';
import { flowModules } from '../model/walk.ts';
import type { ScenarioModel } from '../model/index.ts';
import { RemakeError } from '../shared/errors.ts';
import type { ScenarioRecord, ServerStore } from '../storage/server-ports.ts';

export interface CompiledScenario {
  readonly version: number;
  readonly model: ScenarioModel;
  /** The blueprint JSON (kept with incomplete executions). */
  readonly blueprint: unknown;
  /** A Webhook response module answers webhook callers, so they wait for it. */
  readonly hasResponder: boolean;
  /** Requests are processed one at a time, in order. */
  readonly sequential: boolean;
  readonly maxErrors: number;
}

export interface CompiledScenarios {
  /** The scenario's current blueprint, compiled; throws RemakeError when it cannot be read. */
  of(scenario: ScenarioRecord): Promise<CompiledScenario>;
}

export function compiledScenarios(store: ServerStore): CompiledScenarios {
  const cache = new Map<number, CompiledScenario>();
  return {
    async of(scenario) {
      const known = cache.get(scenario.id);
      if (known?.version === scenario.blueprintVersion) return known;
      const current = await store.scenarios.blueprint(scenario.id, scenario.blueprintVersion);
      if (!current) throw new RemakeError('SCENARIO_NOT_FOUND', `Scenario ${scenario.id} has no blueprint version ${scenario.blueprintVersion}.`);
      const { model, diagnostics } = importBlueprint(current.blueprint);
      if (!model) throw new RemakeError('BLUEPRINT_INVALID', `The blueprint of scenario ${scenario.id} cannot be read: ${diagnostics[0]?.message ?? 'unknown problem'}.`);
      const compiled: CompiledScenario = {
        version: current.version,
        model,
        blueprint: current.blueprint,
        hasResponder: flowModules(model).some((node) => node.type === 'gateway:WebhookRespond'),
        sequential: model.settings.sequential,
        maxErrors: model.settings.maxErrors,
      };
      cache.set(scenario.id, compiled);
      return compiled;
    },
  };
}
