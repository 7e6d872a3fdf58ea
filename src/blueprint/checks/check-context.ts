// What every validation check receives: the model, an index of its modules, and a sink for diagnostics.
import { allModules, type ModuleNode, type ScenarioModel } from '../../model/index.ts';
import type { Diagnostic } from '../diagnostics.ts';

export interface CheckContext {
  readonly model: ScenarioModel;
  /** Every module, flow first then orphans, in document order. */
  readonly modules: readonly ModuleNode[];
  /** First module with each id. */
  readonly byId: ReadonlyMap<number, ModuleNode>;
  /** Whether Remake runs a module natively (otherwise a run needs a mock). */
  readonly runnable: (type: string, version: number | undefined) => boolean;
  report(diagnostic: Diagnostic): void;
}

export type Check = (ctx: CheckContext) => void;

export function createCheckContext(model: ScenarioModel, runnable: CheckContext['runnable'], sink: Diagnostic[]): CheckContext {
  const modules = allModules(model);
  const byId = new Map<number, ModuleNode>();
  for (const node of modules) if (node.id !== undefined && !byId.has(node.id)) byId.set(node.id, node);
  return { model, modules, byId, runnable, report: (d) => sink.push(d) };
}
