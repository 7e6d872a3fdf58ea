// MCP tools `search_modules` and `describe_module`: the built-in module catalog of core/.
import { z } from 'zod';
import { describeModule, searchModules } from '../../core/index.ts';
import { defineTool } from '../define-tool.ts';

/** `search_modules {query}` → `{modules: [{module, version, title, description}]}`, the exact name first. */
export const searchModulesTool = defineTool({
  name: 'search_modules',
  title: 'Search the modules Remake runs',
  description:
    'Finds built-in Make modules Remake runs (Tools, Webhooks, JSON, Data store, HTTP, Text parser, CSV, Math, flow control) whose app:Module name, title or description mention every word of the query. ' +
    'Returns {modules: [{module: "app:Module", version, title, description}]}. Never invent module names: use one of these, or describe_module for its fields.',
  input: z.object({ query: z.string().describe('Words to look for, e.g. "set variable" or "util:SetVariable2"; empty lists every module') }),
  run({ query }) {
    const modules = searchModules(query);
    const summary = modules.length === 0 ? `No module matches '${query}'.` : modules.map((m) => `${m.module} v${m.version}: ${m.title}. ${m.description}`).join('\n');
    return { summary, data: { modules } };
  },
});

/** `describe_module {module, version?}` → kind, parameters, mapper fields, output fields and an example. */
export const describeModuleTool = defineTool({
  name: 'describe_module',
  title: 'Describe a module',
  description:
    'The parameters and mapper fields (name, type, required, options, nested fields), output fields and an example blueprint module object of one built-in module, e.g. util:SetVariable2. ' +
    'Without version, the highest version Remake knows.',
  input: z.object({
    module: z.string().describe('app:Module, as blueprints write it, e.g. util:SetVariable2'),
    version: z.number().int().positive().optional().describe('The module version (default: the highest)'),
  }),
  run({ module, version }) {
    const described = describeModule(module, version);
    const fields = (list: readonly { name: string; type: string; required: boolean }[]) => list.map((f) => `${f.name}${f.required ? '*' : ''}: ${f.type}`).join(', ') || 'none';
    const summary = `${described.module} v${described.version} (${described.kind}): ${described.title}. ${described.description}\nparameters: ${fields(described.parameters)}\nmapper: ${fields(described.mapper)}\noutput: ${described.output.map((f) => f.name).join(', ') || 'none'}`;
    return { summary, data: described };
  },
});
