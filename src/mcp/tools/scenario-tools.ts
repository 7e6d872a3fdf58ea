// Scenarios as tools, as Make's legacy MCP server offers them (MAKE-API.md §2.1): each active on-demand scenario of
// the team becomes `run_scenario_<id>`, its input spec as JSON Schema; `refresh` adds new ones and removes stale ones.
import type { Make, Scenario } from '@makehq/sdk';
import type { McpServer, RegisteredTool } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isRecord } from '../../shared/is-record.ts';
import { toStructured } from '../define-tool.ts';
import type { MakeTarget } from '../make-target.ts';
import { jsonArgs, makeCallError, makeToolError, missingTokenError } from './make-api.ts';

/** The `run_scenario_<id>` tools of one MCP server. */
export interface ScenarioTools {
  /** Re-reads the team's scenarios and updates the registered tools; never throws (an unreachable target changes nothing). */
  refresh(): Promise<void>;
  /** The names registered now. */
  names(): readonly string[];
}

interface ScenarioToolSpec {
  readonly id: number;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
}

// Make's data-structure types as JSON Schema types (the legacy server's table).
const JSON_TYPES: Readonly<Record<string, string>> = { text: 'string', number: 'number', boolean: 'boolean', date: 'string', json: 'string', collection: 'object', array: 'array' };

function fieldSchema(field: Record<string, unknown>): Record<string, unknown> {
  const type = typeof field.type === 'string' ? JSON_TYPES[field.type] : undefined;
  const notes = [typeof field.label === 'string' ? field.label : undefined, typeof field.help === 'string' ? field.help : undefined, field.type === 'date' ? 'a date (ISO 8601)' : undefined, field.type === 'json' ? 'JSON text' : undefined];
  const description = notes.filter((note): note is string => note !== undefined && note !== '').join('; ');
  const schema: Record<string, unknown> = { ...(type ? { type } : {}), ...(description ? { description } : {}) };
  const values = Array.isArray(field.options) ? field.options.filter(isRecord).map((option) => option.value) : [];
  if (values.length > 0) schema.enum = values;
  // Nested specs: a collection lists its fields; an array's spec is one item field or the fields of an item collection.
  if (type === 'object' && Array.isArray(field.spec)) Object.assign(schema, objectSchema(field.spec));
  if (type === 'array' && Array.isArray(field.spec)) schema.items = { type: 'object', ...objectSchema(field.spec) };
  if (type === 'array' && isRecord(field.spec)) schema.items = fieldSchema(field.spec);
  return schema;
}

function objectSchema(fields: readonly unknown[]): { properties: Record<string, unknown>; required: string[] } {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const field of fields.filter(isRecord)) {
    if (typeof field.name !== 'string' || field.name === '') continue;
    properties[field.name] = fieldSchema(field);
    if (field.required === true) required.push(field.name);
  }
  return { properties, required };
}

/** The input spec of a scenario interface as the JSON Schema of the tool's arguments. */
export function inputSchemaOf(input: readonly unknown[] | null | undefined): Record<string, unknown> {
  const { properties, required } = objectSchema(input ?? []);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

async function specOf(make: Make, scenario: Scenario): Promise<ScenarioToolSpec | null> {
  try {
    const face = await make.scenarios.getInterface(scenario.id);
    const text = scenario.description ? `${scenario.name}: ${scenario.description}` : scenario.name;
    return { id: scenario.id, name: `run_scenario_${scenario.id}`, title: scenario.name, description: `${text} (runs scenario ${scenario.id} and returns its outputs)`, inputSchema: inputSchemaOf(face.input) };
  } catch {
    return null; // its interface is unreadable now; the next refresh tries again
  }
}

/** The tools the team's scenarios call for, or null when the target could not be read. */
async function wantedSpecs(target: MakeTarget): Promise<Map<string, ScenarioToolSpec> | null> {
  if (!target.make || target.teamId === null) return new Map();
  const make = target.make;
  let scenarios: Scenario[];
  try {
    scenarios = await make.scenarios.list(target.teamId, { pg: { limit: 1000 } });
  } catch {
    return null;
  }
  const chosen = scenarios.filter((scenario) => scenario.isActive && scenario.scheduling?.type === 'on-demand');
  const specs = await Promise.all(chosen.map((scenario) => specOf(make, scenario)));
  return new Map(specs.filter((spec) => spec !== null).map((spec) => [spec.name, spec]));
}

/** Runs the scenario with the arguments as its inputs and waits for its outputs (Make: up to 40 s). */
async function runScenario(spec: ScenarioToolSpec, target: MakeTarget, args: unknown): Promise<CallToolResult> {
  if (!target.make) return missingTokenError(spec.name, target);
  try {
    const result = await target.make.scenarios.run(spec.id, jsonArgs(args), { responsive: true });
    const execution = { executionId: result.executionId, ...(result.status === undefined ? {} : { status: result.status }) };
    const readBack = `executions_get-detail {"scenarioId": ${spec.id}, "executionId": "${result.executionId}"}`;
    if (result.status === 3) return makeToolError('SCENARIO_RUN_FAILED', `The run of scenario ${spec.id} failed; read it with ${readBack}.`, execution);
    if (result.status === undefined) return { content: [{ type: 'text', text: `The run of scenario ${spec.id} is still going; read it later with ${readBack}.` }], structuredContent: execution };
    const outputs = result.outputs ?? null;
    const text = outputs === null ? 'Scenario executed successfully.' : JSON.stringify(outputs, null, 2);
    return { content: [{ type: 'text', text }], structuredContent: outputs === null ? execution : toStructured(outputs) };
  } catch (error) {
    return makeCallError(error, target);
  }
}

function register(server: McpServer, spec: ScenarioToolSpec, target: MakeTarget): RegisteredTool {
  let inputSchema: z.ZodType;
  try {
    inputSchema = z.fromJSONSchema(spec.inputSchema);
  } catch {
    inputSchema = z.object({}).loose(); // a spec zod cannot read still gets a callable tool
  }
  return server.registerTool(
    spec.name,
    { title: spec.title, description: spec.description, inputSchema, annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true } },
    (args: unknown) => runScenario(spec, target, args),
  );
}

/** The scenario tools of `server`, none until the first `refresh`. Refreshes run one after another. */
export function createScenarioTools(server: McpServer, target: MakeTarget): ScenarioTools {
  const registered = new Map<string, { readonly tool: RegisteredTool; readonly signature: string }>();
  let queue: Promise<void> = Promise.resolve();

  async function apply(): Promise<void> {
    const wanted = await wantedSpecs(target);
    if (wanted === null) return;
    for (const [name, entry] of registered) {
      const spec = wanted.get(name);
      if (spec && JSON.stringify(spec) === entry.signature) {
        wanted.delete(name);
        continue;
      }
      entry.tool.remove();
      registered.delete(name);
    }
    for (const spec of wanted.values()) registered.set(spec.name, { tool: register(server, spec, target), signature: JSON.stringify(spec) });
  }

  return {
    refresh() {
      queue = queue.then(apply).catch(() => undefined);
      return queue;
    },
    names: () => [...registered.keys()],
  };
}
