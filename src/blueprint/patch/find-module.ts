// Finding module objects in raw blueprint JSON: every flow array (main flow, router routes, error handlers,
// if/else branches, agent tools, orphan chains), each module with the array that holds it.
import { isRecord } from '../../shared/is-record.ts';

type Json = Record<string, unknown>;

/** A module object and where it sits: `flow[index]` is the module, `path` its JSON path. */
export interface LocatedModule {
  readonly module: Json;
  readonly flow: unknown[];
  readonly index: number;
  readonly path: string;
}

/** The flow arrays nested directly in a module, with their paths. */
function nestedFlows(module: Json, path: string): { flow: unknown[]; path: string }[] {
  const out: { flow: unknown[]; path: string }[] = [];
  for (const key of ['routes', 'branches', 'tools'] as const) {
    const list = module[key];
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      if (isRecord(item) && Array.isArray(item.flow)) out.push({ flow: item.flow, path: `${path}.${key}[${index}].flow` });
    });
  }
  if (Array.isArray(module.onerror)) out.push({ flow: module.onerror, path: `${path}.onerror` });
  return out;
}

function collect(flow: unknown[], path: string, out: LocatedModule[]): void {
  flow.forEach((module, index) => {
    if (!isRecord(module)) return;
    const at = `${path}[${index}]`;
    out.push({ module, flow, index, path: at });
    for (const nested of nestedFlows(module, at)) collect(nested.flow, nested.path, out);
  });
}

/** The orphan chains of `metadata.designer.orphans`, when they are arrays. */
function orphanChains(blueprint: Json): unknown[][] {
  const metadata = blueprint.metadata;
  const designer = isRecord(metadata) ? metadata.designer : undefined;
  const orphans = isRecord(designer) ? designer.orphans : undefined;
  return Array.isArray(orphans) ? orphans.filter((chain): chain is unknown[] => Array.isArray(chain)) : [];
}

/** Every module object of the blueprint in document order: the flow with everything nested in it, then orphans. */
export function locateModules(blueprint: Json): LocatedModule[] {
  const out: LocatedModule[] = [];
  if (Array.isArray(blueprint.flow)) collect(blueprint.flow, 'flow', out);
  orphanChains(blueprint).forEach((chain, index) => collect(chain, `metadata.designer.orphans[${index}]`, out));
  return out;
}

/** Modules held by a list of new module objects, nested ones included. */
export function modulesIn(flow: unknown[], path = 'flow'): LocatedModule[] {
  const out: LocatedModule[] = [];
  collect(flow, path, out);
  return out;
}

/** The module with this id, or undefined. */
export function findModule(blueprint: Json, id: number): LocatedModule | undefined {
  return locateModules(blueprint).find((located) => located.module.id === id);
}

/** The module ids in use, in document order (numbers only). */
export function moduleIds(blueprint: Json): number[] {
  return locateModules(blueprint).flatMap(({ module }) => (typeof module.id === 'number' ? [module.id] : []));
}
