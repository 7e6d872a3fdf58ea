// `remake mcp` as an MCP client uses it: the SDK's own Client spawns the built bin over stdio and calls every
// kind of local tool, reads a resource and gets a prompt; a bad call is a tool error and the server keeps answering.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const BIN = fileURLToPath(new URL('../bin/remake.js', import.meta.url));
const client = new Client({ name: 'remake-test', version: '1.0.0' });
const stderr: string[] = [];

before(async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  await client.connect(transport);
});

after(async () => {
  await client.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

const settings = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };
function blueprint(year: string) {
  return {
    name: 'Year of an order',
    flow: [
      { id: 1, module: 'crm:watchOrders', version: 1, parameters: {}, mapper: {} },
      { id: 2, module: 'util:SetVariable2', version: 1, parameters: {}, mapper: { name: 'year', scope: 'roundtrip', value: year } },
    ],
    metadata: { instant: false, version: 1, scenario: settings, designer: { orphans: [] } },
  };
}

test('lists every local tool of CONTRACTS §3', async () => {
  const { tools } = await client.listTools();
  const names = tools.map((tool) => tool.name);
  for (const name of ['validate_blueprint', 'lint_blueprint', 'explain_blueprint', 'run_blueprint', 'eval_iml', 'search_modules', 'describe_module', 'search_functions', 'describe_function', 'remap_blueprint', 'extract_blueprint_components', 'patch_blueprint']) {
    assert.ok(names.includes(name), `missing tool ${name}`);
  }
  const run = tools.find((tool) => tool.name === 'run_blueprint');
  assert.ok(run?.inputSchema.properties && 'blueprint' in run.inputSchema.properties && 'mocks' in run.inputSchema.properties);
});

test('searches and describes a module and a function', async () => {
  const search = await call('search_modules', { query: 'SetVariable2' });
  const modules = (search.structuredContent as { modules: { module: string }[] }).modules;
  assert.equal(modules[0]?.module, 'util:SetVariable2');

  const described = await call('describe_module', { module: 'util:SetVariable2' });
  const module = described.structuredContent as { kind: string; mapper: { name: string; type: string; required: boolean }[]; example: { module: string } };
  assert.equal(module.kind, 'action');
  assert.deepEqual(module.mapper.find((field) => field.name === 'name'), { name: 'name', type: 'text', required: true });
  assert.equal(module.example.module, 'util:SetVariable2');

  const functions = await call('search_functions', { query: 'formatDate' });
  assert.ok((functions.structuredContent as { functions: { name: string }[] }).functions.some((fn) => fn.name === 'formatDate'));
  const fn = await call('describe_function', { name: 'formatDate' });
  const docs = fn.structuredContent as { signature: string; example: { expr: string } };
  assert.match(docs.signature, /^formatDate\(/);
  assert.ok(docs.example.expr.includes('formatDate'));
  assert.match(text(fn), /formatDate/);
});

test('validate finds the comma, the fixed blueprint validates and runs with input and mocks', async () => {
  const broken = await call('validate_blueprint', { blueprint: blueprint('{{formatDate(1.date, "YYYY")}}') });
  assert.notEqual(broken.isError, true);
  const result = broken.structuredContent as { ok: boolean; diagnostics: { code: string; moduleId?: number; severity: string; message: string }[] };
  assert.equal(result.ok, false);
  const syntax = result.diagnostics.find((d) => d.code === 'IML_SYNTAX');
  assert.equal(syntax?.moduleId, 2);
  assert.match(syntax?.message ?? '', /separated by ';'/);
  assert.match(text(broken), /IML_SYNTAX \(module 2/);

  const fixed = blueprint('{{formatDate(1.date; "YYYY")}}');
  const again = await call('validate_blueprint', { blueprint: JSON.stringify(fixed) });
  assert.equal((again.structuredContent as { ok: boolean }).ok, true);

  const run = await call('run_blueprint', { blueprint: fixed, input: [{ date: '2024-03-05T10:00:00Z' }], mocks: { 'crm:watchOrders': [{ date: '2024-03-05T10:00:00Z' }] }, now: '2024-06-01T00:00:00Z' });
  const report = run.structuredContent as { status: string; modules: Record<string, { outputs: unknown[] }> };
  assert.equal(report.status, 'success', text(run));
  assert.deepEqual(report.modules['2']?.outputs, [{ year: '2024' }]);
  assert.match(text(run), /^status success/);
});

test('eval_iml returns the value, and a syntax error names the position', async () => {
  const result = await call('eval_iml', { template: '{{upper(1.name)}} {{1.n + 1}}', context: { '1': { name: 'eva', n: 2 } } });
  assert.deepEqual(result.structuredContent, { value: 'EVA 3' });
  const bad = await call('eval_iml', { template: '{{if(1 = 1; "A", "B")}}' });
  assert.equal(bad.isError, true);
  assert.match(text(bad), /IML_SYNTAX.*position 16/);
});

test('a broken blueprint or bad arguments give tool errors, and the server keeps answering', async () => {
  const broken = await call('explain_blueprint', { blueprint: '{"name": "x", "flow": [' });
  assert.equal(broken.isError, true);
  assert.ok(text(broken).length > 0);
  const invalid = await call('run_blueprint', { blueprint: { flow: 'not a list' } });
  assert.equal(invalid.isError, true);
  const unknown = await call('describe_module', { module: 'util:SetVariable' });
  assert.equal(unknown.isError, true);
  assert.match(text(unknown), /util:SetVariable2/);
  const wrongType = await call('search_modules', { query: 42 });
  assert.equal(wrongType.isError, true);

  const still = await call('explain_blueprint', { blueprint: blueprint('{{1.date}}') });
  assert.notEqual(still.isError, true);
  assert.match(text(still), /SetVariable2|Set variable/);
});

test('lint and remap answer in the shapes of the CLI', async () => {
  const lint = await call('lint_blueprint', { blueprint: blueprint('{{1.date}}') });
  assert.equal((lint.structuredContent as { ok: boolean }).ok, true);
  const withHook = { ...blueprint('{{1.date}}'), flow: [{ id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 101, maxResults: 1 }, mapper: {} }] };
  const ids = await call('remap_blueprint', { blueprint: withHook });
  assert.deepEqual((ids.structuredContent as { ids: { kind: string; id: number }[] }).ids.map((id) => [id.kind, id.id]), [['hook', 101]]);
  const remapped = await call('remap_blueprint', { blueprint: withHook, map: { hook: { '101': 202 } } });
  const out = remapped.structuredContent as { blueprint: { flow: { parameters: { hook: number } }[] }; unmapped: unknown[] };
  assert.equal(out.blueprint.flow[0]?.parameters.hook, 202);
  assert.deepEqual(out.unmapped, []);
});

test('reads resources and gets a prompt', async () => {
  const { resources } = await client.listResources();
  const uris = resources.map((resource) => resource.uri);
  for (const uri of ['remake://modules', 'remake://functions', 'remake://semantics', 'remake://examples/order-webhook.blueprint']) assert.ok(uris.includes(uri), `missing resource ${uri}`);

  const modules = await client.readResource({ uri: 'remake://modules' });
  const first = modules.contents[0];
  assert.ok(first && 'text' in first && typeof first.text === 'string');
  assert.ok((JSON.parse(first.text) as { modules: { module: string }[] }).modules.some((m) => m.module === 'util:SetVariable2'));

  const example = await client.readResource({ uri: 'remake://examples/order-webhook.blueprint' });
  const body = example.contents[0];
  assert.ok(body && 'text' in body && typeof body.text === 'string' && Array.isArray((JSON.parse(body.text) as { flow: unknown }).flow));

  const semantics = await client.readResource({ uri: 'remake://semantics' });
  assert.ok(semantics.contents[0] && 'text' in semantics.contents[0] && String(semantics.contents[0].text).length > 1000);

  const { prompts } = await client.listPrompts();
  assert.deepEqual(prompts.map((prompt) => prompt.name).sort(), ['build_scenario', 'debug_execution', 'harden_scenario']);
  const prompt = await client.getPrompt({ name: 'build_scenario', arguments: { description: 'Store each new order in a data store' } });
  const message = prompt.messages[0]?.content;
  assert.ok(message && message.type === 'text' && message.text.includes('Store each new order') && message.text.includes('validate_blueprint'));
  assert.equal(stderr.join(''), '');
});

test('extract_blueprint_components names what a blueprint needs; patch_blueprint edits it and validates the result', async () => {
  const components = await call('extract_blueprint_components', { blueprint: blueprint('{{formatDate(1.date; "YYYY")}}') });
  assert.equal(components.isError, undefined);
  const data = components.structuredContent as { needsMocks: { moduleId: number; module: string }[]; modules: unknown[] };
  assert.equal(data.modules.length, 2);
  assert.deepEqual(data.needsMocks.map((item) => item.module), ['crm:watchOrders']);

  const patched = await call('patch_blueprint', {
    blueprint: blueprint('{{formatDate(1.date; "YYYY")}}'),
    operations: [{ op: 'set_mapper', id: 2, path: 'value', value: '{{formatDate(1.date, "YYYY")}}' }],
  });
  const result = patched.structuredContent as { ok: boolean; applied: number; diagnostics: { code: string; moduleId?: number }[]; blueprint: { flow: { mapper: { value: string } }[] } };
  assert.equal(result.applied, 1);
  assert.equal(result.ok, false, 'a comma between arguments is an IML syntax error');
  assert.equal(result.diagnostics.find((diagnostic) => diagnostic.code === 'IML_SYNTAX')?.moduleId, 2);
  assert.equal(result.blueprint.flow[1]?.mapper.value, '{{formatDate(1.date, "YYYY")}}');

  const refused = await call('patch_blueprint', { blueprint: blueprint('x'), operations: [{ op: 'set_mapper', id: 99, path: 'value', value: 'y' }] });
  assert.equal(refused.isError, true);
  assert.match(text(refused), /operations\[0\]/);
});
