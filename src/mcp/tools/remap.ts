// MCP tool `remap_blueprint`: list the ids that tie a blueprint to one Make team, or rewrite them with a map.
import { z } from 'zod';
import { exportBlueprint, listEnvironmentIds, parseRemapTable, remapModel } from '../../blueprint/index.ts';
import { RemakeError } from '../../shared/errors.ts';
import { BlueprintArg, requireModel } from '../blueprint-arg.ts';
import { defineTool } from '../define-tool.ts';

function parseMapText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RemakeError('REMAP_TABLE_INVALID', `The map is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `remap_blueprint {blueprint, map?}` → `{ids}` without a map; `{blueprint, changes, unmapped}` with one. */
export const remapTool = defineTool({
  name: 'remap_blueprint',
  title: 'List or rewrite environment ids in a blueprint',
  description:
    'Without map: lists the ids that tie a blueprint to the Make team it came from (connections, keys, webhooks, data stores, data structures…), each with its kind, module and JSON path. ' +
    'With map ({"connection": {"4242": 5151}, "hook": {"101": 202}, …}): returns the rewritten blueprint, the changes made and the ids the map did not cover.',
  input: z.object({
    blueprint: BlueprintArg,
    map: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional()
      .describe('Old id to new id, per kind: {"connection": {"<old>": <new>}, "hook": {...}, "datastore": {...}, ...}; an object or JSON text'),
  }),
  run({ blueprint, map }) {
    const model = requireModel(blueprint);
    if (map === undefined) {
      const ids = listEnvironmentIds(model);
      const lines = ids.map((id) => `${id.kind} ${id.id} in module ${id.moduleId ?? '?'} (${id.module}) at ${id.path}${id.label ? ` "${id.label}"` : ''}`);
      return { summary: [`${ids.length} environment-specific id${ids.length === 1 ? '' : 's'}`, ...lines].join('\n'), data: { ids } };
    }
    const result = remapModel(model, parseRemapTable(typeof map === 'string' ? parseMapText(map) : map));
    const summary = `remapped ${result.changes.length} id${result.changes.length === 1 ? '' : 's'}; ${result.unmapped.length} not in the map${result.unmapped.length > 0 ? `: ${result.unmapped.map((id) => `${id.kind} ${id.id}`).join(', ')}` : ''}`;
    return { summary, data: { blueprint: exportBlueprint(result.model), changes: result.changes, unmapped: result.unmapped } };
  },
});
