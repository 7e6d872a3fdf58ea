// What the server needs to know about a stored scenario's current blueprint, read once per blueprint version:
// whether a Webhook response module answers callers, and whether requests are processed one at a time.
import { importBlueprint } from '../blueprint/index.ts';
import { flowModules } from '../model/walk.ts';
import type { ServerStore } from '../storage/server-ports.ts';

interface Traits {
  readonly hasResponder: boolean;
  readonly sequential: boolean;
  readonly dlq: boolean;
  readonly maxErrors: number;
}

export interface ScenarioTraits {
  hasResponder(scenarioId: number): Promise<boolean>;
  isSequential(scenarioId: number): Promise<boolean>;
  maxErrors(scenarioId: number): Promise<number>;
}

const NONE: Traits = { hasResponder: false, sequential: false, dlq: false, maxErrors: 3 };

/** Traits of stored scenarios, cached by blueprint version. */
export function scenarioTraits(store: ServerStore): ScenarioTraits {
  const cache = new Map<string, Traits>();
  async function traitsOf(scenarioId: number): Promise<Traits> {
    const current = await store.scenarios.blueprint(scenarioId);
    if (!current) return NONE;
    const key = `${scenarioId}:${current.version}`;
    const known = cache.get(key);
    if (known) return known;
    const { model } = importBlueprint(current.blueprint);
    const traits: Traits = model
      ? { hasResponder: flowModules(model).some((node) => node.type === 'gateway:WebhookRespond'), sequential: model.settings.sequential, dlq: model.settings.dlq, maxErrors: model.settings.maxErrors }
      : NONE;
    cache.set(key, traits);
    return traits;
  }
  return {
    hasResponder: async (scenarioId) => (await traitsOf(scenarioId)).hasResponder,
    isSequential: async (scenarioId) => (await traitsOf(scenarioId)).sequential,
    maxErrors: async (scenarioId) => (await traitsOf(scenarioId)).maxErrors,
  };
}
