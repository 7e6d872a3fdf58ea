// MCP tool `validate_blueprint`: the diagnostics of `remake validate --format json` for one blueprint.
import { z } from 'zod';
import { validateBlueprint, validateBlueprintText } from '../../blueprint/index.ts';
import { BlueprintArg } from '../blueprint-arg.ts';
import { defineTool } from '../define-tool.ts';
import { summarizeDiagnostics } from '../summarize-diagnostics.ts';

/** `validate_blueprint {blueprint}` → `{ok, diagnostics}`. */
export const validateTool = defineTool({
  name: 'validate_blueprint',
  title: 'Validate a Make blueprint',
  description:
    'Checks a Make blueprint as Make would before running it: JSON shape, module ids and names, IML syntax and functions in every mapping, references to other modules, filters, routers, error handlers. ' +
    'Returns {ok, diagnostics: [{severity, code, message, moduleId?, path?, position?}]}; ok is false when any diagnostic is an error. Fix the errors and validate again.',
  input: z.object({ blueprint: BlueprintArg }),
  run({ blueprint }) {
    const { ok, diagnostics } = typeof blueprint === 'string' ? validateBlueprintText(blueprint) : validateBlueprint(blueprint);
    return { summary: summarizeDiagnostics(ok, diagnostics), data: { ok, diagnostics } };
  },
});
