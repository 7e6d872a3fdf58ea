// Scenario model → blueprint JSON, the inverse of importBlueprint: interpreted keys are written from the model,
// everything else from `extra`, so an unchanged model gives back the same JSON (key order aside).
import type { FlowRoute, ModuleNode, ScenarioModel } from '../model/index.ts';

type Json = Record<string, unknown>;

/** Adds `key: value` unless the key was absent (undefined). */
function put(out: Json, key: string, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

function exportRoute(route: FlowRoute): Json[] {
  return route.modules.map(exportModule);
}

function exportModule(node: ModuleNode): Json {
  const out: Json = {};
  put(out, 'id', node.id);
  put(out, 'module', node.type === '' ? undefined : node.type);
  put(out, 'version', node.version);
  put(out, 'parameters', node.parameters);
  put(out, 'filter', node.filter);
  put(out, 'mapper', node.mapper);
  put(out, 'metadata', node.metadata);
  put(out, 'flags', node.flags);
  put(out, 'routes', node.routes?.map((route) => ({ ...route.extra, flow: exportRoute(route.flow) })));
  put(out, 'onerror', node.onerror && exportRoute(node.onerror));
  put(out, 'branches', node.branches?.map((branch) => ({ ...branch.extra, flow: exportRoute(branch.flow) })));
  put(out, 'tools', node.tools?.map((tool) => ({ ...tool.extra, flow: exportRoute(tool.flow) })));
  return { ...out, ...node.extra };
}

/** Scenario `metadata` with the orphan chains written from the model. */
function exportMetadata(model: ScenarioModel): unknown {
  const metadata = model.metadata;
  if (model.orphans === undefined || typeof metadata !== 'object' || metadata === null) return metadata;
  const designer = (metadata as Json).designer as Json;
  return { ...metadata, designer: { ...designer, orphans: model.orphans.map(exportRoute) } };
}

/** The blueprint JSON of a model. */
export function exportBlueprint(model: ScenarioModel): Json {
  const out: Json = {};
  put(out, 'name', model.name);
  out.flow = exportRoute(model.flow);
  put(out, 'metadata', exportMetadata(model));
  return { ...out, ...model.extra };
}
