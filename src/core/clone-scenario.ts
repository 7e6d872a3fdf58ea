// Make's scenario clone (POST /scenarios/{id}/clone): a new, inactive scenario with the source's scheduling, interface,
// description and current blueprint, whose team-specific ids are rewritten through the caller's id mappings.
import { exportBlueprint, importBlueprint, remapModel, type EnvironmentIdKind, type RemapTable } from '../blueprint/index.ts';
import { InternalError, RemakeError } from '../shared/errors.ts';
import type { ScenarioRecord, ServerStore } from '../storage/server-ports.ts';
import { createScenario } from './scenarios.ts';

/** The mapping objects of Make's clone body (old id → new id) and the kind of id each rewrites. */
export const CLONE_MAPPINGS = {
  account: 'connection',
  key: 'key',
  hook: 'hook',
  device: 'device',
  udt: 'dataStructure',
  datastore: 'dataStore',
} as const satisfies Record<string, EnvironmentIdKind>;

export type CloneMappingName = keyof typeof CLONE_MAPPINGS;

/** Old id (as text) → new id. */
export type IdMapping = Readonly<Record<string, number | string>>;

export type CloneRequest = {
  readonly teamId: number;
  readonly name: string;
} & { readonly [name in CloneMappingName]?: IdMapping };

/** The remap table of the request's mapping objects. */
function tableOf(request: CloneRequest): RemapTable {
  const table: RemapTable = {};
  for (const [name, kind] of Object.entries(CLONE_MAPPINGS) as [CloneMappingName, EnvironmentIdKind][]) {
    const mapping = request[name];
    if (mapping !== undefined) table[kind] = { ...table[kind], ...mapping };
  }
  return table;
}

/**
 * Clones scenario `sourceId` into `request.teamId` as `request.name`. Ids without a mapping stay as they are (the
 * clone uses the same connections, data stores… as its source). A webhook trigger needs a mapping to another hook:
 * one hook serves one scenario (SEMANTICS.md rule 93), so a clone cannot share its source's.
 */
export async function cloneScenario(store: ServerStore, sourceId: number, request: CloneRequest): Promise<ScenarioRecord> {
  const source = await store.scenarios.get(sourceId);
  if (!source) throw new RemakeError('SCENARIO_NOT_FOUND', `Scenario ${sourceId} does not exist.`, { scenarioId: sourceId });
  const current = await store.scenarios.blueprint(source.id);
  const model = current === undefined ? undefined : importBlueprint(current.blueprint).model;
  if (!model) throw new InternalError(`The stored blueprint of scenario ${source.id} cannot be read.`);
  const table = tableOf(request);
  if (source.hookId !== null) {
    const mapped = table.hook?.[String(source.hookId)];
    if (mapped === undefined || String(mapped) === String(source.hookId)) {
      const message = `Scenario ${source.id} listens on hook ${source.hookId}, and one webhook serves one scenario. Map the hook to a free one: "hook": {"${source.hookId}": <new hook id>}.`;
      throw new RemakeError('HOOK_IN_USE', message, { scenarioId: source.id, field: 'hook' });
    }
  }
  // The blueprint's own `name` becomes the clone's (GUESS: Make's exports carry the scenario's name there).
  const blueprint = { ...exportBlueprint(remapModel(model, table).model), name: request.name };
  return createScenario(store, {
    teamId: request.teamId,
    name: request.name,
    description: source.description,
    // GUESS: a clone in its source's team stays in the source's folder; Make's reference does not say.
    folderId: request.teamId === source.teamId ? source.folderId : null,
    scheduling: source.scheduling,
    metadata: { input_spec: source.interface.input, output_spec: source.interface.output },
    blueprint,
  });
}
