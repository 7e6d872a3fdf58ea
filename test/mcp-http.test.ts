// MCP over Streamable HTTP at /mcp of a real `remake serve`: the SDK's own Client with a Bearer token lists the local
// and Make API tools and calls the Make API of that same server; no token or a wrong one gets Make's 401.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startTestServer, type TestRemakeServer } from './support/remake-server.ts';

const greet = JSON.parse(readFileSync(new URL('../examples/serve/greet-on-demand.blueprint.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('MCP at /mcp of remake serve', () => {
  let t: TestRemakeServer;
  let client: Client;
  before(async () => {
    t = await startTestServer({ withMcp: true });
    client = new Client({ name: 'remake-http-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${t.server.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${t.token}` } } }));
  });
  after(async () => {
    await client.close();
    await t.close();
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => (await client.callTool({ name, arguments: args })) as CallToolResult;

  it('lists the local tools and the Make API tools', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    for (const name of ['validate_blueprint', 'eval_iml', 'run_blueprint', 'scenarios_list', 'scenarios_create', 'hooks_create', 'data-stores_list']) assert.ok(names.includes(name), `missing ${name}`);
  });

  it('calls the Make API of the same server, and its scenarios become tools', async () => {
    const empty = await call('scenarios_list', { teamId: 1 });
    assert.notEqual(empty.isError, true);
    assert.deepEqual(empty.structuredContent, { value: [] });

    const created = await t.make.scenarios.create({ teamId: 1, blueprint: JSON.stringify(greet), scheduling: JSON.stringify({ type: 'on-demand' }) });
    await t.make.scenarios.activate(created.id);
    const listed = await call('scenarios_list', { teamId: 1 });
    assert.deepEqual((listed.structuredContent as { value: { id: number }[] }).value.map((scenario) => scenario.id), [created.id]);

    const tool = (await client.listTools()).tools.find((item) => item.name === `run_scenario_${created.id}`);
    assert.deepEqual(tool?.inputSchema.required, ['name']);
    const run = await call(`run_scenario_${created.id}`, { name: 'ada' });
    assert.deepEqual(run.structuredContent, { greeting: 'Hello, Ada!', letters: 3 });
  });

  it('answers 401 with Make error body without a valid token, and 405 to GET', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    const missing = await fetch(`${t.server.url}/mcp`, { method: 'POST', headers, body });
    assert.equal(missing.status, 401);
    assert.equal(((await missing.json()) as { code: string }).code, 'SC401');
    const wrong = await fetch(`${t.server.url}/mcp`, { method: 'POST', headers: { ...headers, authorization: 'Bearer not-a-token' }, body });
    assert.equal(wrong.status, 401);
    const get = await fetch(`${t.server.url}/mcp`, { headers: { authorization: `Bearer ${t.token}`, accept: 'text/event-stream' } });
    assert.equal(get.status, 405);
  });
});
