// MCP tool `explain_blueprint`: the scenario in plain words, as `remake explain` prints it.
import { z } from 'zod';
import { explainModel } from '../../blueprint/index.ts';
import { BlueprintArg, requireModel } from '../blueprint-arg.ts';
import { defineTool } from '../define-tool.ts';

/** `explain_blueprint {blueprint}` → the explanation text (also as `{text}`). */
export const explainTool = defineTool({
  name: 'explain_blueprint',
  title: 'Explain a Make blueprint in plain words',
  description:
    'Describes a Make scenario in plain words: what triggers it, what each module does and maps from where, each route and its condition, each error handler, and the scenario settings that matter. Use it to understand a blueprint before changing it.',
  input: z.object({ blueprint: BlueprintArg }),
  run({ blueprint }) {
    const text = explainModel(requireModel(blueprint)).replace(/\n$/, '');
    return { summary: text, data: { text } };
  },
});
