// `remake explain`: a scenario in plain words for people and AI assistants — what starts it, the settings that
// change a run, and every module in flow order with what it maps from where, its routes, branches and handlers.
import type { ScenarioModel } from '../model/index.ts';
import { explainContext } from './explain/context.ts';
import { describeRoute } from './explain/describe-flow.ts';
import { moduleTitle } from './explain/describe-module.ts';
import { describeSettings } from './explain/describe-settings.ts';
import { describeTrigger } from './explain/describe-trigger.ts';
import { indent, shorten } from './explain/text.ts';

/** Longest scenario description shown under the title. */
const MAX_DESCRIPTION = 300;

/**
 * Explains a scenario as Markdown-light text: `#` headings, `-` bullets, two spaces per nesting level.
 * The output depends only on the model, so the same blueprint always reads the same (tests compare lines).
 */
export function explainModel(model: ScenarioModel): string {
  const ctx = explainContext(model);
  const lines = [`# Scenario: ${model.name?.trim() || '(unnamed)'}`];
  const description = model.extra.description;
  if (typeof description === 'string' && description.trim() !== '') lines.push('', shorten(description, MAX_DESCRIPTION));
  lines.push('', '## Trigger', ...describeTrigger(model, ctx));
  lines.push('', '## Settings', ...describeSettings(model));
  lines.push('', '## Flow', ...describeRoute(model.flow, ctx, 'flow'));
  const orphans = (model.orphans ?? []).filter((chain) => chain.modules.length > 0);
  if (orphans.length > 0) {
    lines.push('', '## Not run (orphan chains)');
    orphans.forEach((chain, index) => lines.push(`- Chain ${index + 1}:`, ...indent(chain.modules.map((node) => `- ${moduleTitle(node)}`))));
  }
  return lines.join('\n');
}
