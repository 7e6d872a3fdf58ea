// MCP tools that save an assistant's context: what a blueprint needs (extract_blueprint_components) and small edits
// applied and validated here (patch_blueprint) instead of resending a whole blueprint.
import { z } from 'zod';
import { extractComponents, patchBlueprint, PatchOperationSchema } from '../../blueprint/index.ts';
import { BlueprintArg, diagnosticError, parseBlueprintArg } from '../blueprint-arg.ts';
import { defineTool } from '../define-tool.ts';
import { summarizeDiagnostics } from '../summarize-diagnostics.ts';

function jsonOf(blueprint: z.output<typeof BlueprintArg>): unknown {
  const parsed = parseBlueprintArg(blueprint);
  if (!parsed.ok) throw diagnosticError(parsed.diagnostic);
  return parsed.json;
}

/** `extract_blueprint_components {blueprint}` → modules, trigger, connections, keys, hooks, data stores, environment ids, modules that need mocks. */
export const componentsTool = defineTool({
  name: 'extract_blueprint_components',
  title: 'List what a blueprint needs',
  description:
    'Which modules a blueprint has and what they need: the trigger, connections, keys, webhooks, data stores, data structures and scenarios they refer to, ' +
    'every environment-specific id (with module and JSON path), and the modules Remake cannot run without a mock.',
  input: z.object({ blueprint: BlueprintArg }),
  run({ blueprint }) {
    const components = extractComponents(jsonOf(blueprint));
    const summary = `${components.modules.length} modules; ${components.connections.length} connections, ${components.hooks.length} webhooks, ${components.dataStores.length} data stores; ${components.needsMocks.length} need mocks`;
    return { summary, data: { ...components } };
  },
});

/** `patch_blueprint {blueprint, operations}` → the patched blueprint and its diagnostics; all operations or none. */
export const patchTool = defineTool({
  name: 'patch_blueprint',
  title: 'Apply small edits to a blueprint',
  description:
    'Applies operations in order (add_module, remove_module, set_mapper, set_parameter, delete_mapper, set_filter, add_route, set_error_handler, set_setting, rename) ' +
    'and returns the new blueprint with the diagnostics of validating it. If any operation cannot apply, none is applied and the error names it.',
  input: z.object({ blueprint: BlueprintArg, operations: z.array(PatchOperationSchema).min(1) }),
  run({ blueprint, operations }) {
    const result = patchBlueprint(jsonOf(blueprint), operations);
    const summary = `applied ${result.applied} operation${result.applied === 1 ? '' : 's'}; ${summarizeDiagnostics(result.ok, result.diagnostics)}`;
    return { summary, data: { ...result } };
  },
});
