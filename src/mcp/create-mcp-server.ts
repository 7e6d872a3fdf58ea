// Builds Remake's MCP server: the local tools of CONTRACTS.md §3, the resources and the prompts, on no transport yet.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { LocalTool } from './define-tool.ts';
import { registerPrompts } from './prompts.ts';
import { registerResources } from './resources.ts';
import { componentsTool, patchTool } from './tools/components.ts';
import { evalImlTool } from './tools/eval-iml.ts';
import { explainTool } from './tools/explain.ts';
import { describeFunctionTool, searchFunctionsTool } from './tools/functions.ts';
import { lintTool } from './tools/lint.ts';
import { describeModuleTool, searchModulesTool } from './tools/modules.ts';
import { remapTool } from './tools/remap.ts';
import { runTool } from './tools/run.ts';
import { validateTool } from './tools/validate.ts';

/** Remake's local tools, in the order clients list them. */
export const LOCAL_TOOLS: readonly LocalTool[] = [
  validateTool,
  lintTool,
  explainTool,
  runTool,
  evalImlTool,
  searchModulesTool,
  describeModuleTool,
  searchFunctionsTool,
  describeFunctionTool,
  remapTool,
  componentsTool,
  patchTool,
];

const INSTRUCTIONS =
  'Remake runs and checks Make.com scenario blueprints locally. Find modules with search_modules/describe_module and IML functions with search_functions/describe_function; ' +
  'check blueprints with validate_blueprint and lint_blueprint, understand them with explain_blueprint, run them with run_blueprint (mocks for apps Remake cannot call), try mappings with eval_iml.';

/** A new MCP server with every local tool, resource and prompt registered; connect it to a transport to serve. */
export function createMcpServer(options: { readonly version: string }): McpServer {
  const server = new McpServer({ name: 'remake', title: 'Remake', version: options.version }, { instructions: INSTRUCTIONS });
  for (const tool of LOCAL_TOOLS) tool.register(server);
  registerResources(server);
  registerPrompts(server);
  return server;
}
