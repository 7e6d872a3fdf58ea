// Lookup tables the executor needs about the graph, built once per run: where each module sits
// and which aggregators collect the bundles of which source module (SEMANTICS.md rule 61).
import { childRoutes, type FlowRoute, type ModuleNode, type ScenarioModel } from '../model/index.ts';

export interface ModulePosition {
  readonly route: FlowRoute;
  readonly index: number;
}

export interface FlowIndex {
  readonly positions: ReadonlyMap<ModuleNode, ModulePosition>;
  /** Aggregators by the id of their source module (`parameters.feeder`), in document order. */
  readonly aggregatorsByFeeder: ReadonlyMap<number, readonly ModuleNode[]>;
}

/** The source module id of an aggregator, or undefined when it names none. */
export function feederIdOf(node: ModuleNode): number | undefined {
  const parameters = node.parameters as { feeder?: unknown } | null | undefined;
  const feeder = Number(parameters?.feeder);
  return Number.isInteger(feeder) && feeder > 0 ? feeder : undefined;
}

export function buildFlowIndex(model: ScenarioModel, isAggregator: (node: ModuleNode) => boolean): FlowIndex {
  const positions = new Map<ModuleNode, ModulePosition>();
  const aggregatorsByFeeder = new Map<number, ModuleNode[]>();
  const visit = (route: FlowRoute): void => {
    route.modules.forEach((node, index) => {
      positions.set(node, { route, index });
      const feeder = isAggregator(node) ? feederIdOf(node) : undefined;
      if (feeder !== undefined) aggregatorsByFeeder.set(feeder, [...(aggregatorsByFeeder.get(feeder) ?? []), node]);
      for (const child of childRoutes(node)) visit(child);
    });
  };
  visit(model.flow);
  return { positions, aggregatorsByFeeder };
}
