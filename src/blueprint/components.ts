// `extract_blueprint_components`: what a scenario is made of, without its bulk: the trigger, each module's role,
// the connections, keys, hooks, data stores… it needs (the environment ids), the modules a local run must mock.
import { allModules, flowModules, type ModuleNode, type ScenarioSettings } from '../model/index.ts';
import { RemakeError } from '../shared/errors.ts';
import { catalogEntry, isRunnable, roleOf, unknownModuleReason, type ModuleRole } from './catalog.ts';
import { importBlueprint } from './import-blueprint.ts';
import { listEnvironmentIds, type EnvironmentId, type EnvironmentIdKind } from './remap.ts';

/** How the scenario starts: an instant (hook) trigger, a polling trigger, or neither (a scheduled first action). */
export type TriggerKind = 'webhook' | 'polling' | 'none';

export interface ComponentTrigger {
  readonly moduleId: number | undefined;
  /** `app:Module` of the first module of the main flow. */
  readonly module: string;
  readonly kind: TriggerKind;
}

export interface ComponentModule {
  readonly id: number | undefined;
  readonly module: string;
  readonly version: number | undefined;
  /** The label a person gave the module (`metadata.designer.name`). */
  readonly label?: string;
  readonly role: ModuleRole;
  /** JSON path, e.g. `flow[2].routes[0].flow[1]`; orphan chains start with `metadata.designer.orphans`. */
  readonly path: string;
}

/** One environment id a module holds, grouped by kind in the components. */
export interface ComponentId {
  readonly moduleId: number | undefined;
  readonly module: string;
  readonly id: number | string;
  /** The key holding the id inside `parameters` or `mapper` (see `section`). */
  readonly field: string;
  readonly section: 'parameters' | 'mapper';
  /** The option's name the editor saved (connection name, data store name…), when there is one. */
  readonly label?: string;
}

export interface ModuleToMock {
  readonly moduleId: number | undefined;
  readonly module: string;
}

/** A blueprint's components (see extractComponents). */
export interface BlueprintComponents {
  readonly name: string | undefined;
  /** Undefined when the main flow is empty. */
  readonly trigger: ComponentTrigger | undefined;
  /** Every module, nested and orphaned ones included, in document order. */
  readonly modules: readonly ComponentModule[];
  readonly connections: readonly ComponentId[];
  readonly keys: readonly ComponentId[];
  readonly hooks: readonly ComponentId[];
  readonly dataStores: readonly ComponentId[];
  readonly dataStructures: readonly ComponentId[];
  readonly scenarios: readonly ComponentId[];
  readonly agents: readonly ComponentId[];
  readonly devices: readonly ComponentId[];
  /** Every environment-specific id, as `remake remap` lists them. */
  readonly environmentIds: readonly EnvironmentId[];
  /** Modules of the executed flow that `remake run` does not implement, so a run needs a mock for each. */
  readonly needsMocks: readonly ModuleToMock[];
  readonly settings: ScenarioSettings;
}

/** The components' list for each kind of id. */
const GROUP_OF = {
  connection: 'connections',
  key: 'keys',
  hook: 'hooks',
  dataStore: 'dataStores',
  dataStructure: 'dataStructures',
  scenario: 'scenarios',
  agent: 'agents',
  device: 'devices',
} as const satisfies Record<EnvironmentIdKind, keyof BlueprintComponents>;

type Groups = Record<(typeof GROUP_OF)[EnvironmentIdKind], ComponentId[]>;

/** The last two segments of an id's path: `….parameters.__IMTCONN__` or `….mapper["api key"]` (childPath's forms). */
const FIELD_AT_END = /\.(parameters|mapper)(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])$/;

function componentId(found: EnvironmentId): ComponentId {
  const match = FIELD_AT_END.exec(found.path);
  const section = match?.[1] === 'mapper' ? 'mapper' : 'parameters';
  const field = match?.[2] ?? (match?.[3] === undefined ? found.path : (JSON.parse(match[3]) as string));
  return { moduleId: found.moduleId, module: found.module, id: found.id, field, section, ...(found.label === undefined ? {} : { label: found.label }) };
}

function group(ids: readonly EnvironmentId[]): Groups {
  const groups: Groups = { connections: [], keys: [], hooks: [], dataStores: [], dataStructures: [], scenarios: [], agents: [], devices: [] };
  for (const found of ids) groups[GROUP_OF[found.kind]].push(componentId(found));
  return groups;
}

function trigger(first: ModuleNode | undefined): ComponentTrigger | undefined {
  if (first === undefined) return undefined;
  const role = roleOf(first.type, first.parameters);
  const kind: TriggerKind = role === 'instant-trigger' ? 'webhook' : role === 'trigger' ? 'polling' : 'none';
  return { moduleId: first.id, module: first.type, kind };
}

/** A module Make has but Remake does not run; placeholders, nameless and non-Make modules are validate's concern. */
function needsMock(node: ModuleNode): boolean {
  if (node.type === '' || catalogEntry(node.type)?.role === 'placeholder') return false;
  return !isRunnable(node.type) && unknownModuleReason(node.type) === undefined;
}

/**
 * The components of parsed blueprint JSON: its trigger, modules and roles, the environment-specific ids it carries
 * grouped by kind (from listEnvironmentIds), the modules a local run must mock, and its settings. A blueprint with
 * shape problems still yields what can be read; throws RemakeError `BLUEPRINT_SHAPE` only when the top level is
 * unusable (not an object, or `flow` not an array of objects).
 */
export function extractComponents(json: unknown): BlueprintComponents {
  const { model, diagnostics } = importBlueprint(json);
  if (model === undefined) {
    throw new RemakeError('BLUEPRINT_SHAPE', `The blueprint cannot be read: ${diagnostics.map((d) => d.message).join(' ')}`, { field: diagnostics[0]?.path });
  }
  const environmentIds = listEnvironmentIds(model);
  const modules = allModules(model).map((node): ComponentModule => ({
    id: node.id,
    module: node.type,
    version: node.version,
    ...(node.label === undefined ? {} : { label: node.label }),
    role: roleOf(node.type, node.parameters),
    path: node.path,
  }));
  return {
    name: model.name,
    trigger: trigger(model.flow.modules[0]),
    modules,
    ...group(environmentIds),
    environmentIds,
    needsMocks: flowModules(model).filter(needsMock).map((node) => ({ moduleId: node.id, module: node.type })),
    settings: model.settings,
  };
}
