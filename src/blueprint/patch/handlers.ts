// One small handler per patch operation, dispatched from a table keyed by `op`. Each handler changes the
// blueprint copy in place or throws a PATCH_INVALID reason; patchBlueprint names the operation.
import { isRecord } from '../../shared/is-record.ts';
import { roleOf } from '../catalog.ts';
import { findModule, moduleIds, type LocatedModule } from './find-module.ts';
import { deleteAtPath, setAtPath } from './json-path.ts';
import { besideOf, belowRoutes, createIdAllocator, handlerStart, layoutChain, shiftRight } from './new-modules.ts';
import type { OperationOf, PatchOp } from './operation-schema.ts';
import { patchFailure } from './patch-error.ts';

type Json = Record<string, unknown>;

/** Changes `blueprint` (a copy the caller owns) as the operation says. */
export type PatchHandler<K extends PatchOp> = (blueprint: Json, operation: OperationOf<K>) => void;

/** How many ids to list when a module id is unknown. */
const LISTED_IDS = 30;

function requireModule(blueprint: Json, id: number): LocatedModule {
  const found = findModule(blueprint, id);
  if (found) return found;
  const ids = moduleIds(blueprint);
  const listed = ids.length > LISTED_IDS ? `${ids.slice(0, LISTED_IDS).join(', ')}…` : ids.join(', ');
  throw patchFailure(`module ${id} does not exist${ids.length > 0 ? `; the blueprint's module ids are ${listed}` : '; the blueprint has no modules'}`, id);
}

const isRouter = (module: Json): boolean => roleOf(typeof module.module === 'string' ? module.module : '', module.parameters) === 'router';

/** How many modules the routes (or if/else branches) of a module hold. */
function nestedModuleCount(module: Json): number {
  let count = 0;
  for (const key of ['routes', 'branches'] as const) {
    const list = module[key];
    if (!Array.isArray(list)) continue;
    for (const route of list) if (isRecord(route) && Array.isArray(route.flow)) count += route.flow.length;
  }
  return count;
}

/** `mapper` or `parameters` of a module as an object; an absent or null one becomes `{}` when `create` is set. */
function section(module: Json, key: 'mapper' | 'parameters', id: number, create: boolean): Json {
  const value = module[key];
  if (isRecord(value)) return value;
  if ((value === undefined || value === null) && create) {
    const fresh: Json = {};
    module[key] = fresh;
    return fresh;
  }
  if (value === undefined || value === null) throw patchFailure(`module ${id} has no ${key}`, id);
  throw patchFailure(`module ${id}'s ${key} is ${Array.isArray(value) ? 'an array' : typeof value}, not an object`, id);
}

function setField(key: 'mapper' | 'parameters'): (blueprint: Json, operation: OperationOf<'set_mapper'> | OperationOf<'set_parameter'>) => void {
  return (blueprint, { id, path, value }) => {
    const { module } = requireModule(blueprint, id);
    setAtPath(section(module, key, id, true), path, value, `module ${id}'s ${key}`);
  };
}

/** A router's `routes` array, created when the router has none. */
function routesOf(module: Json, id: number): unknown[] {
  if (module.routes === undefined) module.routes = [];
  if (!Array.isArray(module.routes)) throw patchFailure(`router ${id}'s routes are not an array`, id);
  return module.routes;
}

const addModule: PatchHandler<'add_module'> = (blueprint, operation) => {
  const { id: innerId, ...body } = operation.module;
  if (operation.id !== undefined && innerId !== undefined && operation.id !== innerId) {
    throw patchFailure(`the operation's id ${operation.id} and the module's id ${innerId} differ; give one of them`);
  }
  const module: Json = { id: operation.id ?? innerId, ...body };
  const flow = blueprint.flow as unknown[];
  let target: { flow: unknown[]; index: number; at: ReturnType<typeof besideOf> };
  if (operation.after === 'start') {
    target = { flow, index: 0, at: besideOf(isRecord(flow[0]) ? flow[0] : undefined, 'in-place') };
  } else {
    const after = requireModule(blueprint, operation.after);
    if (isRouter(after.module)) {
      throw patchFailure(`module ${operation.after} is a router, and nothing may follow a router in its flow; add the module inside a route (add_route, or add_module after a route's module)`, operation.after);
    }
    target = { flow: after.flow, index: after.index + 1, at: besideOf(after.module, 'after') };
  }
  createIdAllocator(moduleIds(blueprint)).assign([module]);
  layoutChain([module], target.at);
  shiftRight(target.flow, target.index);
  target.flow.splice(target.index, 0, module);
};

const removeModule: PatchHandler<'remove_module'> = (blueprint, { id, withRoutes }) => {
  const { module, flow, index } = requireModule(blueprint, id);
  const nested = nestedModuleCount(module);
  if (nested > 0 && withRoutes !== true) {
    throw patchFailure(`module ${id} has routes holding ${nested} module${nested === 1 ? '' : 's'}; send withRoutes: true to remove them too`, id);
  }
  flow.splice(index, 1);
};

const deleteMapper: PatchHandler<'delete_mapper'> = (blueprint, { id, path }) => {
  const { module } = requireModule(blueprint, id);
  deleteAtPath(section(module, 'mapper', id, false), path, `module ${id}'s mapper`);
};

const setFilter: PatchHandler<'set_filter'> = (blueprint, { id, filter }) => {
  const { module } = requireModule(blueprint, id);
  if (filter === null) delete module.filter;
  else module.filter = filter;
};

const addRoute: PatchHandler<'add_route'> = (blueprint, { routerId, flow, index }) => {
  const { module } = requireModule(blueprint, routerId);
  if (!isRouter(module)) throw patchFailure(`module ${routerId} is ${String(module.module)}, not a router (builtin:BasicRouter)`, routerId);
  const routes = routesOf(module, routerId);
  const at = index ?? routes.length;
  if (at > routes.length) throw patchFailure(`router ${routerId} has ${routes.length} routes; a new route goes at index 0 to ${routes.length}`, routerId);
  const existing = routes.flatMap((route) => (isRecord(route) && Array.isArray(route.flow) ? [route.flow] : []));
  createIdAllocator(moduleIds(blueprint)).assign(flow);
  layoutChain(flow, belowRoutes(module, existing));
  routes.splice(at, 0, { flow });
};

const setErrorHandler: PatchHandler<'set_error_handler'> = (blueprint, { id, handler }) => {
  const { module } = requireModule(blueprint, id);
  if (handler === null) {
    delete module.onerror;
    return;
  }
  // BLUEPRINT.md §6: Make never attaches an error handler to a router.
  if (isRouter(module)) throw patchFailure(`module ${id} is a router, and Make attaches error handlers only to modules that can fail`, id);
  // A replaced handler's ids are free again.
  delete module.onerror;
  createIdAllocator(moduleIds(blueprint)).assign(handler);
  layoutChain(handler, handlerStart(module));
  module.onerror = handler;
};

const setSetting: PatchHandler<'set_setting'> = (blueprint, { key, value }) => {
  if (blueprint.metadata === undefined) blueprint.metadata = { version: 1 };
  const metadata = blueprint.metadata;
  if (!isRecord(metadata)) throw patchFailure('the blueprint\'s metadata is not an object');
  if (metadata.scenario === undefined) metadata.scenario = {};
  const scenario = metadata.scenario;
  if (!isRecord(scenario)) throw patchFailure('metadata.scenario is not an object');
  scenario[key] = value;
};

const rename: PatchHandler<'rename'> = (blueprint, { name }) => {
  blueprint.name = name;
};

/** Every operation's handler. */
export const PATCH_HANDLERS = {
  add_module: addModule,
  remove_module: removeModule,
  set_mapper: setField('mapper'),
  set_parameter: setField('parameters'),
  delete_mapper: deleteMapper,
  set_filter: setFilter,
  add_route: addRoute,
  set_error_handler: setErrorHandler,
  set_setting: setSetting,
  rename,
} satisfies { [K in PatchOp]: PatchHandler<K> };
