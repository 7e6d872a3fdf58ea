// Scenario folders in the Make API v2 (`/scenarios-folders`, the SDK's Folders): list a level of a team's folder tree,
// create, rename or move (`parentId`, no cycles) and delete. Scope resource `scenarios` (the SDK's folders_* tools).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { FolderRecord } from '../../../core/server-types.ts';
import type { ApiEnv } from '../api-env.ts';
import { ApiError, notFound, parseOr400, validationFailed } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { pageOf, paginate } from '../paging.ts';
import { readJson } from '../read-json.ts';
import { TEAM_ID } from './account-shapes.ts';
import { apiFolder, FolderNameSchema, folderTree, isWithin, pickFolderCols, type FolderTree } from './folder-shapes.ts';

const Id = z.coerce.number().int().positive();
const CreateBody = z.object({ name: FolderNameSchema, teamId: Id, parentId: Id.nullable().optional() }).loose();
const UpdateBody = z.object({ name: FolderNameSchema.optional(), parentId: Id.nullable().optional() }).loose();
const Depth = z.enum(['all']).optional();

async function treeOf(c: Context<ApiEnv>, teamId: number): Promise<FolderTree> {
  const store = c.get('remake').store;
  return folderTree(await store.folders.list(teamId), await store.scenarios.list(teamId));
}

async function folderOf(c: Context<ApiEnv>): Promise<FolderRecord> {
  const id = parseOr400(Id, c.req.param('id'));
  const folder = await c.get('remake').store.folders.get(id);
  if (!folder) throw notFound('Scenario folder', id);
  return folder;
}

function ownTeam(teamId: number): number {
  if (teamId !== TEAM_ID) throw notFound('Team', teamId);
  return teamId;
}

/** A parent must be a folder of the same team. */
function requireParent(tree: FolderTree, parentId: number, teamId: number): void {
  if (!tree.byId.has(parentId)) throw validationFailed([`Invalid value of parameter 'parentId': scenario folder ${parentId} does not exist in team ${teamId}.`]);
}

export function folderRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/scenarios-folders', requireScope('scenarios'));
  routes.use('/scenarios-folders/*', requireScope('scenarios'));

  routes.get('/scenarios-folders', async (c) => {
    const teamId = c.req.query('teamId');
    if (teamId === undefined) throw validationFailed(["Missing value of required parameter 'teamId'."]);
    const parent = c.req.query('parentId');
    const parentId = parent === undefined ? null : parseOr400(Id, parent);
    const depth = parseOr400(Depth, c.req.query('childrenDepth')) === 'all' ? Infinity : 1;
    // Another team's list is empty: Remake has team 1 only (as for data structures).
    const tree = await treeOf(c, parseOr400(Id, teamId));
    if (parentId !== null && !tree.byId.has(parentId)) throw notFound('Scenario folder', parentId);
    // "Returned folders are sorted by name in ascending order." (API reference); children sit in `children`, one
    // level unless `childrenDepth=all` (SDK ListFoldersOptions).
    const items = (tree.children.get(parentId) ?? []).map((folder) => apiFolder(tree, folder, depth));
    const page = pageOf(c, 'name');
    return c.json({ scenariosFolders: paginate(items, page).map((item) => pickFolderCols(c, item)), pg: page });
  });

  routes.post('/scenarios-folders', async (c) => {
    const body = parseOr400(CreateBody, await readJson(c));
    const teamId = ownTeam(body.teamId);
    const parentId = body.parentId ?? null;
    if (parentId !== null) requireParent(await treeOf(c, teamId), parentId, teamId);
    const folder = await c.get('remake').store.folders.create({ teamId, name: body.name, parentId });
    return c.json({ scenarioFolder: pickFolderCols(c, apiFolder(await treeOf(c, teamId), folder)) });
  });

  routes.patch('/scenarios-folders/:id', async (c) => {
    const folder = await folderOf(c);
    const body = parseOr400(UpdateBody, await readJson(c, {}));
    const tree = await treeOf(c, folder.teamId);
    if (body.parentId !== undefined && body.parentId !== null) {
      requireParent(tree, body.parentId, folder.teamId);
      if (isWithin(tree, body.parentId, folder.id)) {
        const where = body.parentId === folder.id ? 'the folder itself' : `folder ${body.parentId}, which is inside it`;
        throw validationFailed([`Invalid value of parameter 'parentId': scenario folder ${folder.id} cannot be moved into ${where}.`]);
      }
    }
    const changes = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.parentId === undefined ? {} : { parentId: body.parentId }),
    };
    const updated = await c.get('remake').store.folders.update(folder.id, changes);
    if (!updated) throw notFound('Scenario folder', folder.id);
    return c.json({ scenarioFolder: pickFolderCols(c, apiFolder(await treeOf(c, folder.teamId), updated)) });
  });

  routes.delete('/scenarios-folders/:id', async (c) => {
    const folder = await folderOf(c);
    const tree = await treeOf(c, folder.teamId);
    // GUESS: Make's reference does not say what becomes of a folder's content. Remake refuses to delete a folder that
    // holds scenarios or folders, naming them, so nothing is lost or left pointing at a missing folder.
    const held = [
      ...(tree.scenarios.get(folder.id) ?? []).map((scenario) => `scenario ${scenario.id} ('${scenario.name}')`),
      ...(tree.children.get(folder.id) ?? []).map((child) => `folder ${child.id} ('${child.name}')`),
    ];
    if (held.length > 0) throw new ApiError(400, 'Bad Request', `Scenario folder ${folder.id} ('${folder.name}') holds ${held.join(', ')}. Move or delete them first.`, 'SC400');
    await c.get('remake').store.folders.remove(folder.id);
    // "Deletes a scenario folder with a given ID and returns the ID in the response": `{"scenarioFolder": 0}` (API reference).
    return c.json({ scenarioFolder: folder.id });
  });
  return routes;
}
