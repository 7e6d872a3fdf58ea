// MCP tool `run_blueprint`: runs a scenario once, locally, and returns the run report of `remake run`.
import { z } from 'zod';
import { runBlueprint, type RunReport } from '../../core/index.ts';
import { BlueprintArg } from '../blueprint-arg.ts';
import { defineTool } from '../define-tool.ts';

const JsonObject = z.record(z.string(), z.unknown());

/** `status success, 7 operations, 1 cycle; response 200 …; error DataError in module 3: …`. */
function summarize(report: RunReport): string {
  const parts = [`status ${report.status}, ${report.operations} operation${report.operations === 1 ? '' : 's'}, ${report.cycles} cycle${report.cycles === 1 ? '' : 's'}`];
  if (report.response) parts.push(`response ${report.response.status} ${typeof report.response.body === 'string' ? report.response.body : JSON.stringify(report.response.body)}`);
  if (report.error) parts.push(`error ${report.error.type}${report.error.moduleId === null || report.error.moduleId === undefined ? '' : ` in module ${report.error.moduleId}`}: ${report.error.message}`);
  if (report.incomplete.length > 0) parts.push(`${report.incomplete.length} incomplete execution${report.incomplete.length === 1 ? '' : 's'} stored`);
  return parts.join('; ');
}

/** `run_blueprint {blueprint, input?, mocks?, dataStores?, now?, timezone?, autoMock?, offline?}` → the run report. */
export const runTool = defineTool({
  name: 'run_blueprint',
  title: 'Run a Make blueprint locally',
  description:
    'Executes a Make scenario once, locally, as Make would: same bundles, operations, routes, filters, aggregators and error handlers. Returns the run report ' +
    '{status, operations, cycles, modules: {"<id>": {module, operations, outputs, errors}}, response, incomplete, error}. ' +
    'Apps Remake cannot call need mocks ({"<moduleId>" or "<app:Module>": [bundle, ...] or {"error": {"type": "DataError", "message": "..."}}}), or autoMock. ' +
    'Data stores live in a temporary directory for this run only; Sleep modules do not wait. HTTP modules make real requests unless offline is true.',
  readOnly: false,
  input: z.object({
    blueprint: BlueprintArg,
    input: z.unknown().optional().describe("The trigger's data: for a webhook trigger, the JSON body of one POST; otherwise an array of the first module's output bundles"),
    mocks: JsonObject.optional().describe('Per module id or app:Module: output bundles (one entry per call, the last repeating) or {"error": {"type", "message"}}'),
    dataStores: JsonObject.optional().describe('Records to seed first: {"<dataStoreId>": {"<key>": {record}}}'),
    now: z.string().optional().describe('Fix the clock: an ISO 8601 date'),
    timezone: z.string().optional().describe('The scenario time zone (IANA, default UTC)'),
    autoMock: z.boolean().optional().describe("Give modules Remake cannot run one plausible bundle built from their metadata.interface (default false)"),
    offline: z.boolean().optional().describe('Do not make HTTP requests: HTTP modules then need mocks too (default false)'),
  }),
  async run(args) {
    const report = await runBlueprint({
      blueprint: args.blueprint,
      input: args.input,
      mocks: args.mocks,
      dataStores: args.dataStores,
      now: args.now,
      timezone: args.timezone,
      autoMock: args.autoMock ?? false,
      offline: args.offline ?? false,
      skipSleep: true,
    });
    return { summary: summarize(report), data: report };
  },
});
