// Builds Remake's MCP server on no transport yet: the local tools of CONTRACTS.md §3, the Make API tools and the
// `run_scenario_<id>` tools bound to a Make target, the resources and the prompts.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { LocalTool } from './define-tool.ts';
import { NO_TARGET, type MakeTarget } from './make-target.ts';
import { registerPrompts } from './prompts.ts';
import { registerResources } from './resources.ts';
import { componentsTool, patchTool } from './tools/components.ts';
import { evalImlTool } from './tools/eval-iml.ts';
import { explainTool } from './tools/explain.ts';
import { describeFunctionTool, searchFunctionsTool } from './tools/functions.ts';
import { lintTool } from './tools/lint.ts';
import { registerMakeApiTools } from './tools/make-api.ts';
import { describeModuleTool, searchModulesTool } from './tools/modules.ts';
import { remapTool } from './tools/remap.ts';
import { runTool } from './tools/run.ts';
import { createScenarioTools, type ScenarioTools } from './tools/scenario-tools.ts';
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
  'check blueprints with validate_blueprint and lint_blueprint, understand them with explain_blueprint, run them with run_blueprint (mocks for apps Remake cannot call), try mappings with eval_iml. ' +
  'The Make API tools (scenarios_create, scenarios_activate, scenarios_run, executions_get-detail, hooks_create, data-stores_list…) act on the configured target: a `remake serve` (REMAKE_TARGET=local, the default) or a make.com zone; ' +
  'validate a blueprint before scenarios_create, activate a scenario before running it, and read a failed run with executions_get-detail. ' +
  'Each active on-demand scenario of the team is also a tool run_scenario_<id> whose arguments are the scenario inputs.';

/** An MCP server and its scenario tools. */
export interface RemakeMcpServer {
  readonly server: McpServer;
  /** The `run_scenario_<id>` tools; refreshed after each successful scenarios_* call, and by the transport at start. */
  readonly scenarioTools: ScenarioTools;
}

/**
 * A new MCP server with every local tool, Make API tool, resource and prompt registered; connect it to a transport
 * to serve. Without a target (or without a token) the Make API tools are listed and their calls say what to set.
 */
export function createMcpServer(options: { readonly version: string; readonly target?: MakeTarget }): RemakeMcpServer {
  const target = options.target ?? NO_TARGET;
  const server = new McpServer({ name: 'remake', title: 'Remake', version: options.version }, { instructions: INSTRUCTIONS });
  for (const tool of LOCAL_TOOLS) tool.register(server);
  const scenarioTools = createScenarioTools(server, target);
  // Creating, changing, activating or deleting a scenario may change which scenarios are tools.
  registerMakeApiTools(server, target, (tool) => (tool.name.startsWith('scenarios_') ? scenarioTools.refresh() : Promise.resolve()));
  registerResources(server);
  registerPrompts(server);
  return { server, scenarioTools };
}
