// A whole assistant session with `remake mcp` over stdio, as an MCP client drives it: the SDK's own Client spawns the
// built bin bound to a real `remake serve` (REMAKE_TARGET=local), designs a scenario with the local tools, then
// creates, activates, runs and reads it back with the Make API tools, and calls it as its own run_scenario_<id> tool.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MakeTools } from '@makehq/sdk/tools';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LOCAL_TOOLS } from '../src/mcp/create-mcp-server.ts';
import { MAKE_TOOL_NAMES } from '../src/mcp/tools/make-api.ts';
import { startTestServer, type TestRemakeServer } from './support/remake-server.ts';

const BIN = fileURLToPath(new URL('../bin/remake.js', import.meta.url));

/** Spawns `remake mcp` with only `env` set (plus what the SDK passes on: PATH, HOME…) and connects a client. */
async function connect(env: Record<string, string>, stderr: string[] = []): Promise<{ client: Client; listChanged: () => number }> {
  const client = new Client({ name: 'remake-session-test', version: '1.0.0' });
  let changes = 0;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    changes += 1;
  });
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  await client.connect(transport);
  return { client, listChanged: () => changes };
}

const text = (result: CallToolResult): string => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
const settings = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };

/** An on-demand scenario with inputs name and date: the year of the date is set as a variable, then both returned. */
function greeter(year: string) {
  return {
    name: 'Greet with the year',
    flow: [
      { id: 1, module: 'scenario-service:StartSubscenario', version: 2, parameters: {}, mapper: {} },
      { id: 2, module: 'util:SetVariable2', version: 1, parameters: {}, mapper: { name: 'year', scope: 'roundtrip', value: year } },
      { id: 3, module: 'scenario-service:ReturnData', version: 2, parameters: {}, mapper: { greeting: 'Hello, {{capitalize(1.name)}}!', year: '{{2.year}}' } },
    ],
    metadata: { instant: false, version: 1, scenario: settings, designer: { orphans: [] } },
  };
}
const INTERFACE = {
  input: [{ name: 'name', type: 'text', required: true }, { name: 'date', type: 'date', required: true }],
  output: [{ name: 'greeting', type: 'text' }, { name: 'year', type: 'text' }],
};

describe('an assistant session with remake mcp bound to remake serve', () => {
  let t: TestRemakeServer;
  let session: Awaited<ReturnType<typeof connect>>;
  const stderr: string[] = [];
  let scenarioId = 0;
  before(async () => {
    t = await startTestServer();
    session = await connect({ REMAKE_TARGET: 'local', REMAKE_URL: t.server.url, MAKE_API_TOKEN: t.token }, stderr);
  });
  after(async () => {
    await session.client.close();
    await t.close();
  });
  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => (await session.client.callTool({ name, arguments: args })) as CallToolResult;

  it('lists the local tools and every Make API tool, with the SDK schemas and no name shared', async () => {
    const { tools } = await session.client.listTools();
    const names = tools.map((tool) => tool.name);
    for (const name of ['validate_blueprint', 'run_blueprint', 'describe_function', 'scenarios_create', 'scenarios_run', 'hooks_create', 'data-stores_list', 'executions_get-detail']) assert.ok(names.includes(name), `missing ${name}`);
    assert.equal(LOCAL_TOOLS.filter((tool) => MAKE_TOOL_NAMES.includes(tool.name)).length, 0);
    assert.equal(names.length, LOCAL_TOOLS.length + MakeTools.length);
    for (const make of MakeTools) {
      const listed = tools.find((tool) => tool.name === make.name);
      assert.equal(listed?.description, make.description);
      assert.deepEqual(Object.keys(listed?.inputSchema.properties ?? {}).sort(), Object.keys(make.inputSchema.properties ?? {}).sort(), make.name);
      assert.deepEqual([...(listed?.inputSchema.required ?? [])].sort(), [...(make.inputSchema.required ?? [])].sort(), make.name);
    }
  });

  it('looks up modules and functions', async () => {
    const found = (await call('search_modules', { query: 'ReturnData' })).structuredContent as { modules: { module: string }[] };
    assert.ok(found.modules.some((module) => module.module === 'scenario-service:ReturnData'));
    const module = (await call('describe_module', { module: 'util:SetVariable2' })).structuredContent as { mapper: { name: string }[] };
    assert.ok(module.mapper.some((field) => field.name === 'value'));
    const fn = (await call('describe_function', { name: 'capitalize' })).structuredContent as { signature: string };
    assert.match(fn.signature, /^capitalize\(/);
  });

  it('validates, fixes, runs with mocks, creates, activates and runs the scenario, and reads the execution back', async () => {
    const broken = (await call('validate_blueprint', { blueprint: greeter('{{formatDate(1.date, "YYYY")}}') })).structuredContent as { ok: boolean; diagnostics: { code: string; moduleId?: number }[] };
    assert.equal(broken.ok, false);
    assert.equal(broken.diagnostics.find((diagnostic) => diagnostic.code === 'IML_SYNTAX')?.moduleId, 2);
    const fixed = greeter('{{formatDate(1.date; "YYYY")}}');
    assert.equal(((await call('validate_blueprint', { blueprint: fixed })).structuredContent as { ok: boolean }).ok, true);

    const local = await call('run_blueprint', { blueprint: fixed, mocks: { '1': [{ name: 'ada', date: '2024-03-05T10:00:00Z' }] } });
    const report = local.structuredContent as { status: string; modules: Record<string, { outputs: unknown[] }> };
    assert.equal(report.status, 'success', text(local));
    assert.deepEqual(report.modules['2']?.outputs, [{ year: '2024' }]);

    const created = await call('scenarios_create', { teamId: 1, scheduling: { type: 'on-demand' }, blueprint: { ...fixed, interface: INTERFACE } });
    assert.notEqual(created.isError, true, text(created));
    const scenario = created.structuredContent as { id: number; name: string; isActive: boolean };
    assert.equal(scenario.name, 'Greet with the year');
    assert.equal(scenario.isActive, false);
    scenarioId = scenario.id;
    assert.ok(!(await session.client.listTools()).tools.some((tool) => tool.name === `run_scenario_${scenarioId}`), 'an inactive scenario is no tool');

    const changesBefore = session.listChanged();
    const activated = await call('scenarios_activate', { scenarioId });
    assert.deepEqual(activated.structuredContent, { value: 'Scenario has been activated.' });
    assert.ok(session.listChanged() > changesBefore, 'tools/list_changed after activation');

    const run = await call('scenarios_run', { scenarioId, data: { name: 'grace', date: '1985-06-01T00:00:00Z' }, responsive: true });
    const result = run.structuredContent as { executionId: string; status: number; outputs: unknown };
    assert.equal(result.status, 1, text(run));
    assert.deepEqual(result.outputs, { greeting: 'Hello, Grace!', year: '1985' });

    const executions = (await call('executions_list', { scenarioId })).structuredContent as { value: { id: string; status: number }[] };
    assert.deepEqual(executions.value.map((execution) => [execution.id, execution.status]), [[result.executionId, 1]]);
    const detail = (await call('executions_get-detail', { scenarioId, executionId: result.executionId })).structuredContent as { status: string; outputs: unknown };
    assert.equal(detail.status, 'SUCCESS');
    assert.deepEqual(detail.outputs, { greeting: 'Hello, Grace!', year: '1985' });
  });

  it('offers the active on-demand scenario as run_scenario_<id> and runs it', async () => {
    const tool = (await session.client.listTools()).tools.find((item) => item.name === `run_scenario_${scenarioId}`);
    assert.ok(tool, 'run_scenario tool listed');
    assert.match(tool.description ?? '', /Greet with the year/);
    assert.deepEqual(tool.inputSchema.required, ['name', 'date']);
    assert.equal((tool.inputSchema.properties as Record<string, { type: string }>).date?.type, 'string');
    const run = await call(`run_scenario_${scenarioId}`, { name: 'ada', date: '2024-03-05T10:00:00Z' });
    assert.notEqual(run.isError, true, text(run));
    assert.deepEqual(run.structuredContent, { greeting: 'Hello, Ada!', year: '2024' });

    await call('scenarios_deactivate', { scenarioId });
    assert.ok(!(await session.client.listTools()).tools.some((item) => item.name === `run_scenario_${scenarioId}`), 'gone once deactivated');
  });

  it('turns a Make API error into a tool error and keeps answering', async () => {
    const missing = await call('scenarios_get', { scenarioId: 987654 });
    assert.equal(missing.isError, true);
    assert.match(text(missing), /^Make API error 404: /);
    const badArgs = await call('scenarios_get', { scenarioId: 'seven' });
    assert.equal(badArgs.isError, true);
    assert.deepEqual((await call('eval_iml', { template: '{{upper("still here")}}' })).structuredContent, { value: 'STILL HERE' });
    assert.equal(stderr.join(''), '');
  });
});

describe('remake mcp without a reachable or configured target', () => {
  it('lists the Make tools without a token, and a call says to set MAKE_API_TOKEN', async () => {
    const { client } = await connect({});
    try {
      assert.ok((await client.listTools()).tools.some((tool) => tool.name === 'scenarios_list'));
      const result = (await client.callTool({ name: 'scenarios_list', arguments: { teamId: 1 } })) as CallToolResult;
      assert.equal(result.isError, true);
      assert.match(text(result), /set MAKE_API_TOKEN/);
    } finally {
      await client.close();
    }
  });

  it('starts quietly when the target is unreachable, and a call says so', async () => {
    const stderr: string[] = [];
    const { client } = await connect({ REMAKE_URL: 'http://127.0.0.1:9', MAKE_API_TOKEN: 'b2f1c8e4-0000-4000-8000-000000000000' }, stderr);
    try {
      const result = (await client.callTool({ name: 'scenarios_list', arguments: { teamId: 1 } })) as CallToolResult;
      assert.equal(result.isError, true);
      assert.match(text(result), /Cannot reach the Make API at http:\/\/127\.0\.0\.1:9/);
      assert.ok(!(await client.listTools()).tools.some((tool) => tool.name.startsWith('run_scenario_')));
      assert.equal(stderr.join(''), '');
    } finally {
      await client.close();
    }
  });

  it('refuses a malformed REMAKE_TARGET by name', () => {
    const result = spawnSync(process.execPath, [BIN, 'mcp'], { env: { PATH: process.env.PATH, REMAKE_TARGET: 'not a host!' }, encoding: 'utf8', input: '' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /REMAKE_TARGET 'not a host!'/);
    assert.equal(result.stdout, '');
  });
});
