// What every part of an explanation needs to know about the whole scenario: how to name a module that a
// mapping refers to, and the scenario settings (a Break directive reads differently when storing is off).
import { modulesOf, type ModuleNode, type ScenarioModel, type ScenarioSettings } from '../../model/index.ts';
import { catalogEntry } from '../catalog.ts';

export interface ExplainContext {
  readonly settings: ScenarioSettings;
  /** The module with this id, wherever it sits (flow, routes, handlers, orphans). */
  module(id: number): ModuleNode | undefined;
  /** Words for module `id` inside "from module N (…)": its label, else its catalog title, else `app:Module`. */
  moduleName(id: number): string;
}

/** A module's short name: what a person called it, or what it is. */
export function shortName(node: ModuleNode): string {
  return node.label ?? catalogEntry(node.type)?.title ?? (node.type || 'unknown module');
}

export function explainContext(model: ScenarioModel): ExplainContext {
  const byId = new Map<number, ModuleNode>();
  const orphanIds = new Set<number>();
  const remember = (node: ModuleNode, orphan: boolean): void => {
    if (node.id === undefined) return;
    // Ids are unique in a valid blueprint; on a clash the first module in document order names the id.
    if (!byId.has(node.id)) byId.set(node.id, node);
    if (orphan) orphanIds.add(node.id);
  };
  for (const node of modulesOf(model.flow)) remember(node, false);
  for (const chain of model.orphans ?? []) for (const node of modulesOf(chain)) remember(node, true);
  return {
    settings: model.settings,
    module: (id) => byId.get(id),
    moduleName(id) {
      const node = byId.get(id);
      // Make keeps mappings to deleted modules in exports (BLUEPRINT.md §11, dangling references).
      if (!node) return 'not in this scenario';
      return orphanIds.has(id) ? `${shortName(node)}, an orphan that does not run` : shortName(node);
    },
  };
}
