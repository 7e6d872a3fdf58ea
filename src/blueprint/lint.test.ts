// One case per lint rule: a small blueprint that triggers it and one that does not, with the code, module and path a user reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIAGNOSTIC_SEVERITY, type Diagnostic } from './diagnostics.ts';
import { LINT_RULES, lintBlueprint } from './lint.ts';

type Module = Record<string, unknown>;

const hook = (id = 1, extra: Module = {}): Module => ({
  id,
  module: 'gateway:CustomWebHook',
  version: 1,
  parameters: { hook: 7, maxResults: 1 },
  mapper: {},
  metadata: { interface: [{ name: 'email', type: 'text' }] },
  ...extra,
});
const setVar = (id: number, value: unknown, extra: Module = {}): Module => ({ id, module: 'util:SetVariable2', version: 1, parameters: {}, mapper: { name: 'v', scope: 'roundtrip', value }, ...extra });
const http = (id: number, mapper: Module, extra: Module = {}): Module => ({ id, module: 'http:ActionSendData', version: 3, parameters: { handleErrors: true }, mapper: { url: 'https://api.example.org/x', method: 'get', ...mapper }, ...extra });
const ignore = (id: number): Module => ({ id, module: 'builtin:Ignore', version: 1 });
const router = (id: number, ...routes: Module[][]): Module => ({ id, module: 'builtin:BasicRouter', version: 1, mapper: null, routes: routes.map((flow) => ({ flow })) });
const iterator = (id: number, array = '{{1.items}}'): Module => ({ id, module: 'builtin:BasicFeeder', version: 1, mapper: { array } });
const aggregator = (id: number, feeder: number): Module => ({ id, module: 'builtin:BasicAggregator', version: 1, parameters: { feeder }, mapper: { v: `{{${feeder}.value}}` } });
const respond = (id: number): Module => ({ id, module: 'gateway:WebhookRespond', version: 1, parameters: {}, mapper: { status: '200', body: 'ok' } });
const filter = (a: string, o: string, b?: string) => ({ name: '', conditions: [[{ a, o, ...(b === undefined ? {} : { b }) }]] });
const blueprint = (flow: Module[], scenario: Module = { dlq: true }, designer: Module = {}) => ({ name: 'Test', flow, metadata: { instant: true, version: 1, scenario, designer } });

type Seen = Pick<Diagnostic, 'code' | 'moduleId' | 'path' | 'position'>;

/** The findings of one rule, as a user sees where they point. */
function found(code: Diagnostic['code'], json: unknown): Seen[] {
  return lintBlueprint(json)
    .diagnostics.filter((d) => d.code === code)
    .map(({ code: c, moduleId, path, position }) => ({ code: c, moduleId, path, position }));
}

function messages(code: Diagnostic['code'], json: unknown): string[] {
  return lintBlueprint(json).diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

test('every LINT_ code has a rule, and every finding is a warning with a fix', () => {
  const codes = Object.keys(DIAGNOSTIC_SEVERITY).filter((code) => code.startsWith('LINT_'));
  assert.deepEqual(Object.keys(LINT_RULES).sort(), codes.sort());
  for (const [code, rule] of Object.entries(LINT_RULES)) assert.equal(rule.code, code);
  const noisy = blueprint([hook(1, { metadata: {} }), http(2, { method: 'POST', headers: [{ name: 'Authorization', value: 'Bearer sk-abcdefghijklmnop1234' }] })], { dlq: false });
  const { diagnostics } = lintBlueprint(noisy);
  assert.ok(diagnostics.length >= 4);
  for (const d of diagnostics) {
    assert.equal(d.severity, 'warning');
    assert.ok(d.fix && !d.fix.includes('\n'), `${d.code} has a one-line fix`);
  }
});

test('a blueprint without a usable top level returns the import diagnostics and no model', () => {
  const result = lintBlueprint({ name: 'x', flow: {}, metadata: {} });
  assert.equal(result.model, undefined);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.path]),
    [['BLUEPRINT_SHAPE', 'flow']],
  );
  assert.equal(lintBlueprint([]).diagnostics[0]?.code, 'BLUEPRINT_SHAPE');
});

test('a careful scenario has no lint findings', () => {
  const result = lintBlueprint(blueprint([hook(), http(2, {}, { onerror: [ignore(3)] }), setVar(4, '{{2.data}}')]));
  assert.notEqual(result.model, undefined);
  assert.deepEqual(result.diagnostics, []);
});

test('LINT_NO_ERROR_HANDLER: HTTP and third-party modules without onerror; built-ins, triggers, handler routes and orphans are left alone', () => {
  const slack = { id: 4, module: 'slack:CreateMessage', version: 4, parameters: { __IMTCONN__: 1 }, mapper: { text: 'hi' } };
  const watch = { id: 1, module: 'google-sheets:watchRows', version: 2, parameters: { __IMTCONN__: 1 }, mapper: {} };
  const orphan = http(9, {});
  assert.deepEqual(found('LINT_NO_ERROR_HANDLER', blueprint([watch, http(2, {}), setVar(3, 'a'), slack], { dlq: true }, { orphans: [[orphan]] })), [
    { code: 'LINT_NO_ERROR_HANDLER', moduleId: 2, path: 'flow[1]', position: undefined },
    { code: 'LINT_NO_ERROR_HANDLER', moduleId: 4, path: 'flow[3]', position: undefined },
  ]);
  const handled = http(2, {}, { onerror: [{ ...slack, id: 5 }, ignore(6)] });
  assert.deepEqual(found('LINT_NO_ERROR_HANDLER', blueprint([hook(), handled, { id: 7, module: 'json:ParseJSON', version: 1, parameters: { type: '' }, mapper: { json: '{{2.data}}' } }])), []);
});

test('LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS: one finding at metadata.scenario.dlq naming the writers', () => {
  const store = { id: 3, module: 'datastore:AddRecord', version: 1, parameters: { datastore: 5 }, mapper: { key: '{{1.email}}', data: {} } };
  const post = http(4, { method: 'Post' }, { onerror: [ignore(5)] });
  assert.deepEqual(found('LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS', blueprint([hook(), store, post], { dlq: false })), [
    { code: 'LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS', moduleId: undefined, path: 'metadata.scenario.dlq', position: undefined },
  ]);
  assert.match(messages('LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS', blueprint([hook(), store, post], {}))[0] ?? '', /Modules 3 \(datastore:AddRecord\), 4 \(http:ActionSendData POST\) write data/);
  assert.deepEqual(found('LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS', blueprint([hook(), store, post], { dlq: true })), []);
  assert.deepEqual(found('LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS', blueprint([hook(), http(2, { method: 'get' }, { onerror: [ignore(3)] })], { dlq: false })), []);
});

test('LINT_ROUTER_WITHOUT_FALLBACK: every route filtered; a route without a filter or complementary filters is a fallback', () => {
  const route = (id: number, f?: unknown) => [setVar(id, 'x', f === undefined ? {} : { filter: f })];
  const all = router(2, route(3, filter('{{1.kind}}', 'text:equal', 'a')), route(4, filter('{{1.kind}}', 'text:equal', 'b')));
  assert.deepEqual(found('LINT_ROUTER_WITHOUT_FALLBACK', blueprint([hook(), all])), [{ code: 'LINT_ROUTER_WITHOUT_FALLBACK', moduleId: 2, path: 'flow[1]', position: undefined }]);
  const open = router(2, route(3, filter('{{1.kind}}', 'text:equal', 'a')), route(4));
  const labelOnly = router(2, route(3, filter('{{1.kind}}', 'text:equal', 'a')), route(4, { name: 'rest', conditions: [] }));
  const complement = router(2, route(3, filter('{{1.kind}}', 'exist')), route(4, filter('{{1.kind}}', 'notexist')));
  const deMorgan = router(2, route(3, { name: '', conditions: [[{ a: '{{1.a}}', o: 'notexist' }], [{ a: '{{1.b}}', o: 'number:less', b: '3' }]] }), route(4, { name: '', conditions: [[{ a: '{{1.b}}', o: 'number:greaterorequal', b: '3' }, { a: '{{1.a}}', o: 'exist' }]] }));
  const single = router(2, route(3, filter('{{1.kind}}', 'text:equal', 'a')));
  for (const ok of [open, labelOnly, complement, deMorgan, single]) assert.deepEqual(found('LINT_ROUTER_WITHOUT_FALLBACK', blueprint([hook(), ok])), []);
});

test('LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE: a custom webhook with no or an empty metadata.interface', () => {
  assert.deepEqual(found('LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE', blueprint([hook(1, { metadata: { designer: { x: 0, y: 0 } } })])), [
    { code: 'LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE', moduleId: 1, path: 'flow[0].metadata.interface', position: undefined },
  ]);
  assert.equal(found('LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE', blueprint([hook(1, { metadata: { interface: [] } })])).length, 1);
  assert.deepEqual(found('LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE', blueprint([hook()])), []);
});

test('LINT_SECRET_IN_MAPPING: literal credentials in headers, URLs, query strings, Basic auth and key formats, masked', () => {
  const headers = http(2, { headers: [{ name: 'Authorization', value: 'Bearer sk-abc123def456ghi789jkl' }, { name: 'X-Api-Key', value: '{{1.key}}' }] });
  const url = http(3, { url: 'https://api.example.org/v1/items?access_token=Zx81kQ2mP0vL&limit=5' });
  const qs = http(4, { qs: [{ name: 'api_key', value: 'a1b2c3d4e5f6' }, { name: 'q', value: 'Pa55word99' }] });
  const basic = http(5, { authUser: 'admin', authPass: '{{var.input.password}}' });
  const slack = setVar(6, 'token xoxb-1234567890-abcdefghij');
  const diagnostics = lintBlueprint(blueprint([hook(), headers, url, qs, basic, slack])).diagnostics.filter((d) => d.code === 'LINT_SECRET_IN_MAPPING');
  assert.deepEqual(
    diagnostics.map(({ moduleId, path, position }) => ({ moduleId, path, position })),
    [
      { moduleId: 2, path: 'flow[1].mapper.headers[0].value', position: 8 },
      { moduleId: 3, path: 'flow[2].mapper.url', position: 47 },
      { moduleId: 4, path: 'flow[3].mapper.qs[0].value', position: 1 },
      { moduleId: 5, path: 'flow[4].mapper.authUser', position: 1 },
      { moduleId: 6, path: 'flow[5].mapper.value', position: 7 },
    ],
  );
  for (const d of diagnostics) assert.doesNotMatch(d.message, /abc123def456|Zx81kQ2mP0vL|a1b2c3d4e5f6|1234567890/);
  assert.match(diagnostics[0]?.message ?? '', /header 'Authorization' \(sk-a… \(24 characters\)\)/);
  const mapped = http(2, { headers: [{ name: 'Authorization', value: 'Bearer {{1.token}}' }, { name: 'Idempotency-Key', value: 'order-2024-000123' }], url: 'https://x.org/?token={{1.t}}' });
  const placeholder = http(3, { headers: [{ name: 'Authorization', value: 'Bearer YOUR_API_KEY' }] });
  assert.deepEqual(found('LINT_SECRET_IN_MAPPING', blueprint([hook(), mapped, placeholder])), []);
});

test('LINT_SECRET_IN_MAPPING looks into orphan chains too: the secret is in the file even if it never runs', () => {
  const orphan = http(9, { headers: [{ name: 'x-api-key', value: 'AKIAIOSFODNN7EXAMPLE' }] });
  assert.deepEqual(found('LINT_SECRET_IN_MAPPING', blueprint([hook()], { dlq: true }, { orphans: [[orphan]] })), [
    { code: 'LINT_SECRET_IN_MAPPING', moduleId: 9, path: 'metadata.designer.orphans[0][0].mapper.headers[0].value', position: 1 },
  ]);
});

test('LINT_PLACEHOLDER_VALUE: placeholders in literal text and IML words, with their position in the field', () => {
  const conn = { id: 2, module: 'slack:CreateMessage', version: 4, parameters: { __IMTCONN__: '<CONNECTION_ID>' }, mapper: { channel: 'REPLACE_ME', text: 'hi' }, onerror: [ignore(3)] };
  const iml = http(4, { url: 'https://api.apify.com/v2/runs?token={{YOUR_APIFY_TOKEN}}&x={{1.email}}' }, { onerror: [ignore(5)] });
  assert.deepEqual(found('LINT_PLACEHOLDER_VALUE', blueprint([hook(), conn, iml])), [
    { code: 'LINT_PLACEHOLDER_VALUE', moduleId: 2, path: 'flow[1].parameters.__IMTCONN__', position: 1 },
    { code: 'LINT_PLACEHOLDER_VALUE', moduleId: 2, path: 'flow[1].mapper.channel', position: 1 },
    { code: 'LINT_PLACEHOLDER_VALUE', moduleId: 4, path: 'flow[2].mapper.url', position: 39 },
  ]);
  assert.match(messages('LINT_PLACEHOLDER_VALUE', blueprint([hook(), iml]))[0] ?? '', /'\{\{YOUR_APIFY_TOKEN\}\}' in mapper\.url at position 39/);
  const clean = setVar(2, 'Write your answer in <b>bold</b>; replace(text) {{1.email}} TODOs, the xxx-xxx-xxxx format, [PROJECT_TYPE]', { metadata: { note: 'YOUR_API_KEY' } });
  assert.deepEqual(found('LINT_PLACEHOLDER_VALUE', blueprint([hook(), clean])), []);
  for (const value of ['xxx', 'TODO', 'Bearer yourApiKey', '{{OPENAI_API_KEY}}', '[SUPABASE_ANON_KEY]', '<your api key>']) {
    assert.equal(found('LINT_PLACEHOLDER_VALUE', blueprint([hook(), setVar(2, value)])).length, 1, value);
  }
});

test('LINT_BREAK_WITHOUT_RETRY: Break with retry false, "false" or missing; true and "{{true}}" are fine', () => {
  const withBreak = (mapper: Module) => blueprint([hook(), http(2, {}, { onerror: [{ id: 3, module: 'builtin:Break', version: 1, parameters: {}, mapper }] })]);
  for (const mapper of [{ retry: false }, { retry: 'false' }, {}]) {
    assert.deepEqual(found('LINT_BREAK_WITHOUT_RETRY', withBreak(mapper)), [{ code: 'LINT_BREAK_WITHOUT_RETRY', moduleId: 3, path: 'flow[1].onerror[0].mapper.retry', position: undefined }]);
  }
  for (const mapper of [{ retry: true, count: '3', interval: '15' }, { retry: '{{true}}', count: '3', interval: '15' }]) assert.deepEqual(found('LINT_BREAK_WITHOUT_RETRY', withBreak(mapper)), []);
});

test('LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE: a Webhook response inside an open iterator span, across routes', () => {
  assert.deepEqual(found('LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE', blueprint([hook(), iterator(2), setVar(3, '{{2.value}}'), router(4, [respond(5)], [setVar(6, 'x')])])), [
    { code: 'LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE', moduleId: 5, path: 'flow[3].routes[0].flow[0]', position: undefined },
  ]);
  const repeater = { id: 2, module: 'builtin:BasicRepeater', version: 1, mapper: { start: '1', repeats: '3', step: '1' } };
  assert.equal(found('LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE', blueprint([hook(), repeater, respond(3)])).length, 1);
  assert.deepEqual(found('LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE', blueprint([hook(), iterator(2), aggregator(3, 2), respond(4)])), []);
  // An aggregator of the outer iterator closes the inner span too.
  assert.deepEqual(found('LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE', blueprint([hook(), iterator(2), iterator(3, '{{2.lines}}'), aggregator(4, 2), respond(5)])), []);
  assert.deepEqual(found('LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE', blueprint([hook(), respond(2)])), []);
});

test('LINT_MODULE_WITHOUT_CONNECTION: a required connection field of the form left empty', () => {
  const form = { parameters: [{ name: '__IMTCONN__', type: 'account:slack2', label: 'Connection', required: true }] };
  const slack = (parameters: Module) => ({ id: 2, module: 'slack:CreateMessage', version: 4, parameters, mapper: { text: 'hi' }, metadata: form, onerror: [ignore(3)] });
  assert.deepEqual(found('LINT_MODULE_WITHOUT_CONNECTION', blueprint([hook(), slack({})])), [
    { code: 'LINT_MODULE_WITHOUT_CONNECTION', moduleId: 2, path: 'flow[1].parameters.__IMTCONN__', position: undefined },
  ]);
  assert.equal(found('LINT_MODULE_WITHOUT_CONNECTION', blueprint([hook(), slack({ __IMTCONN__: null })])).length, 1);
  assert.deepEqual(found('LINT_MODULE_WITHOUT_CONNECTION', blueprint([hook(), slack({ __IMTCONN__: 1234 })])), []);
});

test('LINT_DISABLED_ROUTE: a router route switched off', () => {
  const switchedOff = { ...router(2, [setVar(3, 'a')], [setVar(4, 'b'), setVar(5, 'c')]), routes: [{ flow: [setVar(3, 'a')] }, { flow: [setVar(4, 'b'), setVar(5, 'c')], disabled: true }] };
  assert.deepEqual(found('LINT_DISABLED_ROUTE', blueprint([hook(), switchedOff])), [{ code: 'LINT_DISABLED_ROUTE', moduleId: 2, path: 'flow[1].routes[1]', position: undefined }]);
  assert.match(messages('LINT_DISABLED_ROUTE', blueprint([hook(), switchedOff]))[0] ?? '', /Route 2 of router 2 is disabled: its 2 modules never run/);
  assert.deepEqual(found('LINT_DISABLED_ROUTE', blueprint([hook(), router(2, [setVar(3, 'a')], [setVar(4, 'b')])])), []);
});

test('LINT_SLEEP_IN_ITERATION: a Sleep inside an iterator span, not before it or after its aggregator', () => {
  const sleep = (id: number) => ({ id, module: 'util:FunctionSleep', version: 1, parameters: {}, mapper: { duration: '5' } });
  assert.deepEqual(found('LINT_SLEEP_IN_ITERATION', blueprint([hook(), iterator(2), sleep(3)])), [{ code: 'LINT_SLEEP_IN_ITERATION', moduleId: 3, path: 'flow[2]', position: undefined }]);
  assert.deepEqual(found('LINT_SLEEP_IN_ITERATION', blueprint([hook(), sleep(2), iterator(3), aggregator(4, 3), sleep(5)])), []);
});
