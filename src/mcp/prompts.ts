// MCP prompts: short working instructions for building, debugging and hardening scenarios with the local tools.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

function userMessage(text: string) {
  return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}

const BUILD = (description: string) => `Build a Make.com scenario blueprint for this need:

${description}

Work with Remake's tools:
1. Find modules with search_modules and read each one's fields with describe_module. Use only modules that exist (app:Module and version as listed); never invent names. Apps Remake does not know need mocks to run.
2. Write the blueprint JSON ({name, flow: [{id, module, version, parameters, mapper, metadata}], metadata: {version: 1, scenario: {...}, designer: {orphans: []}}}). Module ids are unique integers; later modules map earlier outputs as {{<id>.<field>}}.
3. Check IML with search_functions / describe_function and try mappings with eval_iml. Function arguments are separated by ";", not ",".
4. Call validate_blueprint and fix every error; call lint_blueprint and address the warnings that matter.
5. Call run_blueprint with a realistic input and mocks for external apps; check each module's outputs in the report.
Answer with the final blueprint and a short explanation (explain_blueprint helps).`;

const DEBUG = (report: string) => `A Make scenario run went wrong. Here is the run report (or execution log):

${report}

Find the cause:
1. Read status, error ({type, message, moduleId}) and, per module, operations, outputs and errors. Note the first module that failed or produced unexpected output.
2. If you have the blueprint, call explain_blueprint and look at how the failing module maps its inputs; reproduce single mappings with eval_iml and the upstream module's output bundle as context.
3. Call validate_blueprint for mapping mistakes (IML syntax, references to modules that are not upstream).
4. Reproduce with run_blueprint using the same input and mocks (a mock entry {"error": {"type", "message"}} replays a failure).
Explain the cause in plain words, then give the exact fix (the changed mapper or settings) and the run that shows it works.`;

const HARDEN = (blueprint: string) => `Make this Make.com scenario robust for production:

${blueprint}

1. Call lint_blueprint and validate_blueprint; list every finding with its fix.
2. Add error handlers where calls can fail (HTTP, external apps, data stores): Resume with a fallback, Break with incomplete executions on for retryable errors (RateLimitError, ConnectionError), Ignore only where losing the bundle is fine, Rollback/Commit around transactional writes.
3. Give routers a fallback route, guard mappings against empty values (ifempty), and remove secrets or placeholders typed into mappings (use connections or keys).
4. Prove each handler with run_blueprint and mocks that return {"error": {"type": "...", "message": "..."}} for the failing module.
Answer with the hardened blueprint and a list of the changes and why.`;

/** Registers the prompts `build_scenario`, `debug_execution` and `harden_scenario`. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'build_scenario',
    { title: 'Build a scenario', description: 'Design, validate and test-run a new Make scenario from a description', argsSchema: { description: z.string().describe('What the scenario should do') } },
    ({ description }) => userMessage(BUILD(description)),
  );
  server.registerPrompt(
    'debug_execution',
    { title: 'Debug an execution', description: 'Find why a run failed from its run report, and fix it', argsSchema: { report: z.string().describe('The run report JSON (from run_blueprint or remake run) or an execution log') } },
    ({ report }) => userMessage(DEBUG(report)),
  );
  server.registerPrompt(
    'harden_scenario',
    { title: 'Harden a scenario', description: 'Add error handling and fix best-practice findings in a blueprint', argsSchema: { blueprint: z.string().describe('The blueprint JSON') } },
    ({ blueprint }) => userMessage(HARDEN(blueprint)),
  );
}
