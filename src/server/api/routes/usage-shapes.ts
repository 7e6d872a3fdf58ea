// Which stored scenarios use a data store, data structure, connection or key (their blueprints' environment ids),
// and Make's rule that deleting something a scenario uses needs `confirmed=true`.
import type { Context } from 'hono';
import { importBlueprint, listEnvironmentIds, type EnvironmentIdKind } from '../../../blueprint/index.ts';
import type { Remake } from '../../../core/remake.ts';
import { ApiError } from '../api-error.ts';

type ScenarioRecord = Awaited<ReturnType<Remake['store']['scenarios']['list']>>[number];

/** The scenarios whose current blueprint holds `id` as an id of `kind` (e.g. a datastore module's `datastore`). */
export async function scenariosUsing(remake: Remake, kind: EnvironmentIdKind, id: number | string): Promise<ScenarioRecord[]> {
  const users: ScenarioRecord[] = [];
  for (const scenario of await remake.store.scenarios.list()) {
    const current = await remake.store.scenarios.blueprint(scenario.id);
    const model = current === undefined ? undefined : importBlueprint(current.blueprint).model;
    if (model && listEnvironmentIds(model).some((found) => found.kind === kind && String(found.id) === String(id))) users.push(scenario);
  }
  return users;
}

/**
 * Refuses to delete something scenarios use unless the request says `confirmed=true`. Make's API reference (data
 * stores, data structures): "Confirms the deletion if a data store is included in at least one scenario …
 * If the parameter is missing or it is set to false an error code is returned and the resource is not deleted."
 * GUESS: the status and code of that error are not documented; Remake answers 400 (SC400), as for hooks.
 */
export function requireConfirmation(c: Context, what: string, users: readonly ScenarioRecord[], extra: readonly string[] = []): void {
  if (c.req.query('confirmed') === 'true') return;
  const uses = [...users.map((scenario) => `scenario ${scenario.id} ('${scenario.name}')`), ...extra];
  if (uses.length === 0) return;
  throw new ApiError(400, 'Bad Request', `${what} is used by ${uses.join(', ')}, which stop working without it. Send confirmed=true to delete it anyway.`, 'SC400');
}
