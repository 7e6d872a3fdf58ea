// What starts the scenario (BLUEPRINT.md §3, §9; SEMANTICS.md §10–§11): read from the first module's kind,
// `metadata.instant`, scenario inputs (`io.input_spec`) and a top-level `scheduling` when a file carries one.
import type { ModuleNode, ScenarioModel } from '../../model/index.ts';
import { ownValue } from '../../shared/own-value.ts';
import { roleOf, type ModuleRole } from '../catalog.ts';
import type { ExplainContext } from './context.ts';
import { briefValue, isRecord, joinWords, quote } from './text.ts';

type Starter = (first: ModuleNode, model: ScenarioModel, ctx: ExplainContext) => string;

function named(node: ModuleNode, ctx: ExplainContext): string {
  return node.id === undefined ? `a module without id (${node.type || 'unknown'})` : `module ${node.id} (${ctx.moduleName(node.id)})`;
}

/** `hook 123 "Getting orders"`: the hook id, with the label Make's form shows for it when the export kept one. */
function hookOf(node: ModuleNode): string | undefined {
  const parameters = isRecord(node.parameters) ? node.parameters : {};
  const hook = parameters.hook ?? parameters.__IMTHOOK__;
  if (hook === undefined || hook === null || hook === '') return undefined;
  const restore = isRecord(node.metadata) && isRecord(node.metadata.restore) && isRecord(node.metadata.restore.parameters) ? node.metadata.restore.parameters : {};
  const saved = restore.hook ?? restore.__IMTHOOK__;
  const label = isRecord(saved) && typeof saved.label === 'string' && saved.label !== '' ? ` ${quote(saved.label)}` : '';
  return `hook ${String(hook)}${label}`;
}

/** Scenario inputs: `io.input_spec`, else the start module's output interface. */
function inputsOf(first: ModuleNode, model: ScenarioModel): string[] {
  const io = model.extra.io;
  const metadata = isRecord(first.metadata) ? first.metadata : {};
  const spec = isRecord(io) && Array.isArray(io.input_spec) ? io.input_spec : Array.isArray(metadata.interface) ? metadata.interface : [];
  return spec.flatMap((field) => (isRecord(field) && typeof field.name === 'string' ? [field.name] : []));
}

const BY_TYPE: Readonly<Record<string, Starter>> = {
  'gateway:CustomWebHook': (first) => `- Starts on a webhook call${hookOf(first) ? ` (${hookOf(first)})` : ''}`,
  'gateway:CustomMailHook': (first) => `- Starts when an email reaches a mailhook${hookOf(first) ? ` (${hookOf(first)})` : ''}`,
  'scenario-service:StartSubscenario': (first, model) => {
    const inputs = inputsOf(first, model);
    return `- Starts when another scenario or a person calls it with inputs${inputs.length > 0 ? `: ${joinWords(inputs, 12)}` : ' (none declared)'}`;
  },
};

const BY_ROLE: Readonly<Partial<Record<ModuleRole, Starter>>> = {
  'instant-trigger': (first, _model, ctx) => `- Starts as soon as ${named(first, ctx)} receives an event${hookOf(first) ? ` (${hookOf(first)})` : ''}`,
  trigger: (first, _model, ctx) => `- Runs on schedule: each run, ${named(first, ctx)} checks for new data and passes on one bundle per new item`,
};

const SCHEDULES: Readonly<Record<string, (s: Record<string, unknown>) => string>> = {
  indefinitely: (s) => `every ${String(s.interval)} seconds`,
  daily: (s) => `daily at ${String(s.time)}`,
  immediately: () => 'again as soon as the previous run ends',
};

/** Lines for the trigger section. */
export function describeTrigger(model: ScenarioModel, ctx: ExplainContext): string[] {
  const first = model.flow.modules[0];
  if (!first) return ['- The flow is empty: nothing runs'];
  const starter = ownValue(BY_TYPE, first.type) ?? BY_ROLE[roleOf(first.type, first.parameters)];
  const lines = [starter ? starter(first, model, ctx) : `- Runs on schedule, starting with ${named(first, ctx)}`];
  if (model.instant !== undefined) {
    lines.push(model.instant ? '- Instant: yes (metadata.instant): runs as soon as data arrives' : '- Instant: no (metadata.instant): runs on its schedule or when started');
  }
  // `scheduling` is not part of a UI export; it appears in files made through the API or by hand (BLUEPRINT.md §2).
  const scheduling = model.extra.scheduling;
  if (isRecord(scheduling)) {
    const schedule = typeof scheduling.type === 'string' ? ownValue(SCHEDULES, scheduling.type) : undefined;
    lines.push(`- Schedule: ${schedule ? schedule(scheduling) : briefValue(scheduling)}`);
  }
  return lines;
}
