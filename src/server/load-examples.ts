// `remake serve --examples`: on a first start (no scenarios yet), loads the example scenarios the README walks
// through, creating a hook for each webhook trigger, and activates them. Returns lines telling the user how to call them.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { activateScenario } from '../core/scenario-activation.ts';
import { createScenario } from '../core/scenarios.ts';
import type { Remake } from '../core/remake.ts';
import { isRecord } from '../shared/is-record.ts';
import { TEAM_ID } from './api/routes/account-shapes.ts';

const EXAMPLES = ['blueprints/order-webhook.blueprint.json', 'serve/greet-on-demand.blueprint.json'];

export async function loadExamples(remake: Remake): Promise<string[]> {
  if ((await remake.store.scenarios.list()).length > 0) return [];
  const lines: string[] = [];
  for (const file of EXAMPLES) {
    const blueprint: unknown = JSON.parse(readFileSync(fileURLToPath(new URL(`../../examples/${file}`, import.meta.url)), 'utf8'));
    if (!isRecord(blueprint) || !Array.isArray(blueprint.flow)) continue;
    const { interface: spec, scheduling, ...rest } = blueprint;
    const first: unknown = blueprint.flow[0];
    let hookUrl: string | undefined;
    if (isRecord(first) && first.module === 'gateway:CustomWebHook') {
      const hook = await remake.store.hooks.create({ udid: randomBytes(16).toString('hex'), teamId: TEAM_ID, name: `${String(blueprint.name)} hook`, typeName: 'gateway-webhook', data: { headers: false, method: false, stringify: false } });
      rest.flow = [{ ...first, parameters: { ...(isRecord(first.parameters) ? first.parameters : {}), hook: hook.id } }, ...blueprint.flow.slice(1)];
      hookUrl = remake.hookUrl(hook.udid);
    }
    const metadata = isRecord(spec) ? { input_spec: spec.input, output_spec: spec.output } : undefined;
    const scenario = await createScenario(remake.store, { teamId: TEAM_ID, blueprint: rest, scheduling, ...(metadata ? { metadata } : {}) });
    await activateScenario(remake, scenario.id);
    lines.push(hookUrl
      ? `Example scenario ${scenario.id} "${scenario.name}": curl -X POST ${hookUrl} -H 'content-type: application/json' -d @examples/blueprints/order-webhook.input.json`
      : `Example scenario ${scenario.id} "${scenario.name}": POST /api/v2/scenarios/${scenario.id}/run with {"data": {"name": "ada"}, "responsive": true}`);
  }
  return lines;
}
