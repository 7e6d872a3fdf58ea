// Scenario folders as the Make API shows them (the SDK's Folder type; mocks folders/{list,list-children,create-nested,
// update-move}.json): the folder tree of a team with paths, scenario counts and children, and `cols[]` applied to it.
import type { Context } from 'hono';
import { z } from 'zod';
import type { FolderRecord, ScenarioRecord } from '../../../core/server-types.ts';

/** "The name must be at most 100 characters long and does not need to be unique." (API reference, POST /scenarios-folders) */
export const FolderNameSchema = z.string().trim().min(1).max(100);

/** A team's folders with their children (by name) and how many scenarios sit directly in each. */
export interface FolderTree {
  readonly byId: ReadonlyMap<number, FolderRecord>;
  readonly children: ReadonlyMap<number | null, readonly FolderRecord[]>;
  readonly scenarios: ReadonlyMap<number, readonly ScenarioRecord[]>;
}

/** Builds the tree of `folders` and files `scenarios` under their folder. */
export function folderTree(folders: readonly FolderRecord[], scenarios: readonly ScenarioRecord[]): FolderTree {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const children = new Map<number | null, FolderRecord[]>();
  for (const folder of folders) {
    const parent = folder.parentId !== null && byId.has(folder.parentId) ? folder.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), folder]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const inFolder = new Map<number, ScenarioRecord[]>();
  for (const scenario of scenarios) {
    if (scenario.folderId !== null) inFolder.set(scenario.folderId, [...(inFolder.get(scenario.folderId) ?? []), scenario]);
  }
  return { byId, children, scenarios: inFolder };
}

/** The folder and its ancestors, from the top down (a cycle, which the API prevents, ends the walk). */
function lineage(tree: FolderTree, folder: FolderRecord): FolderRecord[] {
  const chain = [folder];
  const seen = new Set([folder.id]);
  for (let parent = folder.parentId; parent !== null && !seen.has(parent); ) {
    const next = tree.byId.get(parent);
    if (next === undefined) break;
    chain.unshift(next);
    seen.add(next.id);
    parent = next.parentId;
  }
  return chain;
}

/** Whether `folderId` is `ancestorId` or lies anywhere below it. */
export function isWithin(tree: FolderTree, folderId: number, ancestorId: number): boolean {
  const folder = tree.byId.get(folderId);
  return folder !== undefined && lineage(tree, folder).some((item) => item.id === ancestorId);
}

function subtreeTotal(tree: FolderTree, folder: FolderRecord, seen = new Set<number>()): number {
  if (seen.has(folder.id)) return 0;
  seen.add(folder.id);
  const own = tree.scenarios.get(folder.id)?.length ?? 0;
  return own + (tree.children.get(folder.id) ?? []).reduce((sum, child) => sum + subtreeTotal(tree, child, seen), 0);
}

/**
 * The folder object; `depth` levels of `children` (0: none) are added to a folder that has child folders.
 * `position` (manual sort order) is always null: Remake sorts by name.
 */
export function apiFolder(tree: FolderTree, folder: FolderRecord, depth = 0): Record<string, unknown> {
  const children = tree.children.get(folder.id) ?? [];
  return {
    id: folder.id,
    name: folder.name,
    path: lineage(tree, folder).map((item) => item.name).join('/'),
    parentId: folder.parentId,
    position: null,
    scenariosTotal: tree.scenarios.get(folder.id)?.length ?? 0,
    scenariosSubtreeTotal: subtreeTotal(tree, folder),
    hasChildren: children.length > 0,
    ...(depth > 0 && children.length > 0 ? { children: children.map((child) => apiFolder(tree, child, depth - 1)) } : {}),
  };
}

/** Keeps the `cols[]` the request names, in the folder and, as the SDK types it, in its `children` too. */
export function pickFolderCols(c: Context, item: Record<string, unknown>): Record<string, unknown> {
  const cols = c.req.queries('cols[]') ?? [];
  return cols.length === 0 || cols.includes('*') ? item : pick(item, cols);
}

function pick(item: Record<string, unknown>, cols: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (!cols.includes(key)) continue;
    out[key] = key === 'children' && Array.isArray(value) ? value.map((child: Record<string, unknown>) => pick(child, cols)) : value;
  }
  return out;
}
