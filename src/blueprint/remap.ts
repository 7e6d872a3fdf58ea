// `remake remap`: lists the ids a blueprint carries that belong to the Make team it came from (connections,
// keys, webhooks, data stores, data structures, scenarios, agents…) and rewrites them from an ids.json table.
import { allModules, mapModules, type ScenarioModel } from '../model/index.ts';
import { ownValue } from '../shared/own-value.ts';
import { findIds, type FoundId } from './remap/find-ids.ts';
import type { EnvironmentIdKind } from './remap/id-kinds.ts';
import type { RemapTable } from './remap/remap-table.ts';
import { rewriteModule, type IdRewrite } from './remap/rewrite-module.ts';

export { ENVIRONMENT_ID_KINDS, isEnvironmentIdKind, type EnvironmentIdKind } from './remap/id-kinds.ts';
export { RemapTableSchema, parseRemapTable, type RemapTable } from './remap/remap-table.ts';

/** An id of the team the blueprint was exported from, and where it sits. */
export interface EnvironmentId {
  readonly kind: EnvironmentIdKind;
  /** The value as written: a number (connections, hooks, data stores…) or text (`SCN_…`, agent uuids, placeholders). */
  readonly id: number | string;
  readonly moduleId: number | undefined;
  /** `app:Module`. */
  readonly module: string;
  /** JSON path of the value, e.g. `flow[2].parameters.__IMTCONN__`. */
  readonly path: string;
  /** The chosen option's name from `metadata.restore` (connection or data store name…), when the editor saved one. */
  readonly label?: string;
}

/** One value `remapModel` rewrote. */
export interface RemapChange {
  readonly path: string;
  readonly kind: EnvironmentIdKind;
  readonly from: number | string;
  readonly to: number | string;
}

export interface RemapResult {
  readonly model: ScenarioModel;
  /** Rewritten values, in document order. Ids mapped to themselves are neither changes nor unmapped. */
  readonly changes: readonly RemapChange[];
  /** Ids the table has no entry for, in document order; they still hold the old team's id. */
  readonly unmapped: readonly EnvironmentId[];
}

interface Located {
  readonly nodePath: string;
  readonly found: FoundId;
  readonly id: EnvironmentId;
}

/** Every id with its module, in document order (flow, then orphan chains). */
function locate(model: ScenarioModel): Located[] {
  return allModules(model).flatMap((node) =>
    findIds(node).map((found) => ({
      nodePath: node.path,
      found,
      id: {
        kind: found.kind,
        id: found.id,
        moduleId: node.id,
        module: node.type,
        path: found.path,
        ...(found.label === undefined ? {} : { label: found.label }),
      },
    })),
  );
}

/** The environment-specific ids of a scenario, in document order, orphan chains included. */
export function listEnvironmentIds(model: ScenarioModel): EnvironmentId[] {
  return locate(model).map((located) => located.id);
}

/** The new id for `id`, looked up by its text (ids.json keys are text). */
function newId(table: RemapTable, kind: EnvironmentIdKind, id: number | string): number | string | undefined {
  const ids = table[kind];
  return ids === undefined ? undefined : ownValue(ids, String(id));
}

/**
 * A copy of the scenario with every listed id that the table maps rewritten (the new id keeps the type the table
 * gives it), and the editor's now stale label of each rewritten option dropped. The input model is not changed.
 */
export function remapModel(model: ScenarioModel, table: RemapTable): RemapResult {
  const changes: RemapChange[] = [];
  const unmapped: EnvironmentId[] = [];
  const rewrites = new Map<string, IdRewrite[]>();
  for (const { nodePath, found, id } of locate(model)) {
    const to = newId(table, found.kind, found.id);
    if (to === undefined) {
      unmapped.push(id);
      continue;
    }
    if (to === found.id) continue;
    changes.push({ path: found.path, kind: found.kind, from: found.id, to });
    const list = rewrites.get(nodePath) ?? [];
    list.push({ section: found.section, field: found.field, to });
    rewrites.set(nodePath, list);
  }
  const remapped = mapModules(model, (node) => rewriteModule(node, rewrites.get(node.path) ?? []));
  return { model: remapped, changes, unmapped };
}
