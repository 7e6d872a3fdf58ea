// Walking the scenario graph: every route and module in document order, and rebuilding it with changed modules.
import type { FlowRoute, ModuleNode, ScenarioModel } from './types.ts';

/** The routes nested directly inside a module: router routes, the error handler, if/else branches, tool flows. */
export function childRoutes(node: ModuleNode): FlowRoute[] {
  return [
    ...(node.routes ?? []).map((route) => route.flow),
    ...(node.onerror ? [node.onerror] : []),
    ...(node.branches ?? []).map((branch) => branch.flow),
    ...(node.tools ?? []).map((tool) => tool.flow),
  ];
}

/** Every module of a route and of the routes nested in it, depth-first in document order. */
export function modulesOf(route: FlowRoute, out: ModuleNode[] = []): ModuleNode[] {
  for (const node of route.modules) {
    out.push(node);
    for (const child of childRoutes(node)) modulesOf(child, out);
  }
  return out;
}

/** Every module of the scenario: the flow first, then the orphan chains. */
export function allModules(model: ScenarioModel): ModuleNode[] {
  const out = modulesOf(model.flow);
  for (const orphan of model.orphans ?? []) modulesOf(orphan, out);
  return out;
}

/** Modules that are executed (orphans left out). */
export function flowModules(model: ScenarioModel): ModuleNode[] {
  return modulesOf(model.flow);
}

/** A copy of the route with `change` applied to every module, nested ones included (children first). */
export function mapRoute(route: FlowRoute, change: (node: ModuleNode) => ModuleNode): FlowRoute {
  return {
    ...route,
    modules: route.modules.map((node) =>
      change({
        ...node,
        routes: node.routes?.map((r) => ({ ...r, flow: mapRoute(r.flow, change) })),
        onerror: node.onerror && mapRoute(node.onerror, change),
        branches: node.branches?.map((b) => ({ ...b, flow: mapRoute(b.flow, change) })),
        tools: node.tools?.map((t) => ({ ...t, flow: mapRoute(t.flow, change) })),
      }),
    ),
  };
}

/** A copy of the scenario with `change` applied to every module, orphans included. */
export function mapModules(model: ScenarioModel, change: (node: ModuleNode) => ModuleNode): ScenarioModel {
  return {
    ...model,
    flow: mapRoute(model.flow, change),
    orphans: model.orphans?.map((orphan) => mapRoute(orphan, change)),
  };
}
