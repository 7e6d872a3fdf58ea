// Scenarios as the Make API creates and changes them: the blueprint (object or JSON text) is checked before it is
// stored, the webhook it listens on is read from its trigger, scheduling and the interface are kept beside it.
import { parseBlueprintText, validateBlueprint } from '../blueprint/index.ts';
import { parseScheduling } from '../jobs/scheduling.ts';
import { RemakeError } from '../shared/errors.ts';
import { isRecord } from '../shared/is-record.ts';
import type { ScenarioChanges, ScenarioInterface, ScenarioRecord, Scheduling, ServerStore } from '../storage/server-ports.ts';

export interface ScenarioInput {
  readonly teamId: number;
  readonly blueprint: unknown;
  readonly scheduling?: unknown;
  readonly folderId?: number | null;
  readonly name?: string;
  readonly description?: string;
  /** `{input_spec, output_spec}` as the SDK sends the scenario interface. */
  readonly metadata?: unknown;
}

/** A checked blueprint: its JSON, name and the hook its webhook trigger listens on. */
interface CheckedBlueprint {
  readonly json: Record<string, unknown>;
  readonly name: string | undefined;
  readonly hookId: number | null;
  readonly instant: boolean;
}

/** Parses and validates a blueprint; errors name the module and field (RemakeError BLUEPRINT_INVALID, one line each). */
export function checkBlueprint(value: unknown): CheckedBlueprint {
  let json = value;
  if (typeof value === 'string') {
    const parsed = parseBlueprintText(value);
    if (!parsed.ok) throw new RemakeError('BLUEPRINT_INVALID', parsed.diagnostic.message);
    json = parsed.json;
  }
  const validation = validateBlueprint(json);
  if (!validation.ok || !validation.model || !isRecord(json)) {
    const errors = validation.diagnostics.filter((item) => item.severity === 'error');
    const lines = errors.map((item) => `${item.moduleId === undefined ? '' : `Module ${item.moduleId}: `}${item.message}${item.path ? ` (at ${item.path})` : ''}`);
    throw new RemakeError('BLUEPRINT_INVALID', lines.join('\n') || 'The blueprint is not a Make blueprint.');
  }
  const first = validation.model.flow.modules[0];
  const hook = first?.type === 'gateway:CustomWebHook' && isRecord(first.parameters) ? Number(first.parameters.hook) : NaN;
  return { json, name: validation.model.name, hookId: Number.isInteger(hook) ? hook : null, instant: first?.type === 'gateway:CustomWebHook' };
}

/** Make's interface specs from the SDK's `metadata` (or an empty interface). */
export function interfaceOf(metadata: unknown, fallback?: ScenarioInterface): ScenarioInterface {
  if (!isRecord(metadata)) return fallback ?? { input: [], output: [] };
  const specs = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);
  return { input: specs(metadata.input_spec), output: specs(metadata.output_spec) };
}

function schedulingOf(value: unknown, instant: boolean): Scheduling {
  if (value === undefined || value === null || value === '') return { type: instant ? 'immediately' : 'on-demand' };
  const object = typeof value === 'string' ? jsonOr400(value, 'scheduling') : value;
  return parseScheduling(object);
}

function jsonOr400(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RemakeError('SCHEDULING_INVALID', `The ${field} is not JSON text.`, { field });
  }
}

/** Creates a scenario (inactive, as Make creates them). */
export async function createScenario(store: ServerStore, input: ScenarioInput): Promise<ScenarioRecord> {
  const blueprint = checkBlueprint(input.blueprint);
  await requireHook(store, blueprint.hookId);
  return store.scenarios.create({
    teamId: input.teamId,
    name: input.name ?? blueprint.name ?? 'New scenario',
    description: input.description ?? '',
    folderId: input.folderId ?? null,
    hookId: blueprint.hookId,
    scheduling: schedulingOf(input.scheduling, blueprint.instant),
    interface: interfaceOf(input.metadata),
    blueprint: blueprint.json,
  });
}

/** Applies a PATCH: a new blueprint becomes the next version; scheduling and interface are replaced when given. */
export async function updateScenario(store: ServerStore, id: number, patch: Omit<Partial<ScenarioInput>, 'teamId'>): Promise<ScenarioRecord | undefined> {
  const current = await store.scenarios.get(id);
  if (!current) return undefined;
  const blueprint = patch.blueprint === undefined ? undefined : checkBlueprint(patch.blueprint);
  if (blueprint) await requireHook(store, blueprint.hookId, id);
  const changes: ScenarioChanges = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.description === undefined ? {} : { description: patch.description }),
    ...(patch.folderId === undefined ? {} : { folderId: patch.folderId }),
    ...(blueprint ? { blueprint: blueprint.json, hookId: blueprint.hookId } : {}),
    ...(patch.scheduling === undefined ? {} : { scheduling: schedulingOf(patch.scheduling, blueprint?.instant ?? current.hookId !== null) }),
    ...(patch.metadata === undefined ? {} : { interface: interfaceOf(patch.metadata, current.interface) }),
  };
  return store.scenarios.update(id, changes);
}

/** A webhook trigger must name a hook this server has, and one hook serves one scenario (SEMANTICS.md rule 93). */
async function requireHook(store: ServerStore, hookId: number | null, scenarioId?: number): Promise<void> {
  if (hookId === null) return;
  if (!(await store.hooks.get(hookId))) throw new RemakeError('HOOK_NOT_FOUND', `The webhook trigger uses hook ${hookId}, which does not exist on this server. Create it first (POST /api/v2/hooks).`, { field: 'parameters.hook' });
  const owner = await store.scenarios.byHook(hookId);
  if (owner && owner.id !== scenarioId) throw new RemakeError('HOOK_IN_USE', `Hook ${hookId} is already used by scenario ${owner.id}; in Make one webhook serves one scenario.`, { field: 'parameters.hook' });
}
