// One case per validation rule: a small blueprint with the mistake, and the diagnostic a user reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateBlueprint, validateBlueprintText, type Diagnostic } from './index.ts';

type Module = Record<string, unknown>;

const hook = (id = 1): Module => ({ id, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 7, maxResults: 1 }, mapper: {} });
const setVar = (id: number, value: unknown, extra: Module = {}): Module => ({ id, module: 'util:SetVariable2', version: 1, parameters: {}, mapper: { name: 'v', scope: 'roundtrip', value }, ...extra });
const router = (id: number, ...routes: Module[][]): Module => ({ id, module: 'builtin:BasicRouter', version: 1, mapper: null, routes: routes.map((flow) => ({ flow })) });
const blueprint = (flow: Module[], metadata: Module = { instant: true, version: 1, scenario: { roundtrips: 1 } }) => ({ name: 'Test', flow, metadata });

function errors(json: unknown): Pick<Diagnostic, 'code' | 'moduleId' | 'path' | 'position'>[] {
  return validateBlueprint(json)
    .diagnostics.filter((d) => d.severity !== 'info')
    .map(({ code, moduleId, path, position }) => ({ code, moduleId, path, position }));
}

test('a clean scenario has no errors or warnings, and its result says ok', () => {
  const result = validateBlueprint(blueprint([hook(), setVar(2, '{{1.email}}'), router(3, [setVar(4, '{{2.v}} {{1.name}}')], [setVar(5, '{{var.input.x}}')])]));
  assert.equal(result.ok, true);
  assert.deepEqual(result.diagnostics, []);
});

test('text that is not JSON names the line and column; a BOM and CRLF are fine', () => {
  const bad = validateBlueprintText('{\r\n  "name": "x",\r\n  "flow": [,]\r\n}');
  assert.equal(bad.ok, false);
  assert.equal(bad.diagnostics[0]?.code, 'BLUEPRINT_JSON');
  assert.match(bad.diagnostics[0]?.message ?? '', /line 3, column 12/);
  const good = validateBlueprintText(`\uFEFF${JSON.stringify(blueprint([hook()]), null, 2).replaceAll('\n', '\r\n')}`);
  assert.deepEqual(good.diagnostics, []);
});

test('shape errors point at the key: flow not an array, a module id that is not a positive integer, a bad filter', () => {
  assert.deepEqual(errors({ name: 'x', flow: {}, metadata: {} }), [{ code: 'BLUEPRINT_SHAPE', moduleId: undefined, path: 'flow', position: undefined }]);
  assert.deepEqual(errors(blueprint([hook(), setVar(-2, 'a')])), [{ code: 'MODULE_SHAPE', moduleId: undefined, path: 'flow[1].id', position: undefined }]);
  assert.deepEqual(errors(blueprint([hook(), setVar(2, 'a', { filter: { conditions: '{{1.a > 2}}' } })])), [
    { code: 'FILTER_SHAPE', moduleId: 2, path: 'flow[1].filter.conditions', position: undefined },
  ]);
});

test('missing and duplicate module ids are errors; a placeholder slot may have a null id', () => {
  const missing = setVar(0, 'a');
  delete missing.id;
  assert.deepEqual(errors(blueprint([hook(), missing, setVar(1, 'b'), { id: null, module: 'placeholder:Placeholder' }])).map((d) => [d.code, d.path]), [
    ['MODULE_ID_MISSING', 'flow[1]'],
    ['MODULE_ID_DUPLICATE', 'flow[2]'],
  ]);
});

test('invented or mis-cased modules are errors that suggest the real name; third-party modules only need a mock', () => {
  const result = validateBlueprint(
    blueprint([hook(), { id: 2, module: 'builtin:Sleep', version: 1 }, { id: 3, module: 'json:parseJSON', version: 1 }, { id: 4, module: 'slack:CreateMessage', version: 4, parameters: { __IMTCONN__: 1 } }]),
  );
  const byCode = result.diagnostics.map((d) => [d.severity, d.code, d.moduleId]);
  assert.deepEqual(byCode, [
    ['error', 'MODULE_UNKNOWN', 2],
    ['error', 'MODULE_UNKNOWN', 3],
    ['info', 'MODULE_NEEDS_MOCK', 4],
  ]);
  assert.match(result.diagnostics[1]?.message ?? '', /did you mean 'json:ParseJSON'/);
  assert.match(result.diagnostics[0]?.message ?? '', /builtin app has BasicRouter, BasicFeeder/);
});

test('IML syntax errors, unknown functions and unknown filter operators carry module, path and position', () => {
  const filter = { name: 'bad', conditions: [[{ a: '{{1.n}}', o: 'number:greaterequal', b: '3' }]] };
  assert.deepEqual(errors(blueprint([hook(), setVar(2, 'Hi {{upper(1.name}}'), setVar(3, '{{urlEncode(1.q)}}', { filter })])), [
    { code: 'IML_SYNTAX', moduleId: 2, path: 'flow[1].mapper.value', position: 18 },
    { code: 'IML_UNKNOWN_FILTER_OPERATOR', moduleId: 3, path: 'flow[2].filter.conditions[0][0].o', position: undefined },
    { code: 'IML_UNKNOWN_FUNCTION', moduleId: 3, path: 'flow[2].mapper.value', position: 3 },
  ]);
});

test('a bare word such as {{API_TOKEN}} is a warning: it maps to nothing', () => {
  assert.deepEqual(errors(blueprint([hook(), setVar(2, 'Bearer {{API_TOKEN}}')])), [{ code: 'IML_UNKNOWN_VARIABLE', moduleId: 2, path: 'flow[1].mapper.value', position: 10 }]);
});

test('references must point upstream on the same path: not to later modules, other routes, deleted modules or itself', () => {
  const flow = [hook(), setVar(2, '{{5.v}}'), router(3, [setVar(4, '{{2.v}}')], [setVar(5, '{{4.v}} {{9.x}} {{5.v}}')])];
  assert.deepEqual(errors(blueprint(flow)), [
    { code: 'REFERENCE_NOT_UPSTREAM', moduleId: 2, path: 'flow[1].mapper.value', position: 3 },
    { code: 'REFERENCE_NOT_UPSTREAM', moduleId: 5, path: 'flow[2].routes[1].flow[0].mapper.value', position: 3 },
    { code: 'REFERENCE_UNKNOWN_MODULE', moduleId: 5, path: 'flow[2].routes[1].flow[0].mapper.value', position: 11 },
    { code: 'REFERENCE_NOT_UPSTREAM', moduleId: 5, path: 'flow[2].routes[1].flow[0].mapper.value', position: 19 },
  ]);
});

test('after an aggregator, its source and the modules inside its span are no longer mappable', () => {
  const flow = [
    hook(),
    { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.items}}' } },
    setVar(3, '{{2.sku}}'),
    { id: 4, module: 'builtin:BasicAggregator', version: 1, parameters: { feeder: 2 }, mapper: { sku: '{{3.v}}' } },
    setVar(5, '{{4.array}} {{1.id}} {{3.v}} {{2.sku}}'),
  ];
  assert.deepEqual(errors(blueprint(flow)), [
    { code: 'REFERENCE_CLOSED_SPAN', moduleId: 5, path: 'flow[4].mapper.value', position: 24 },
    { code: 'REFERENCE_CLOSED_SPAN', moduleId: 5, path: 'flow[4].mapper.value', position: 32 },
  ]);
});

test('an aggregator feeder must be upstream', () => {
  const flow = [hook(), router(2, [{ id: 3, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.items}}' } }], [{ id: 4, module: 'util:TextAggregator', version: 1, parameters: { feeder: 3 }, mapper: { value: 'x' } }])];
  assert.deepEqual(errors(blueprint(flow)), [{ code: 'FEEDER_NOT_UPSTREAM', moduleId: 4, path: 'flow[1].routes[1].flow[0].parameters.feeder', position: undefined }]);
});

test('a router must be last in its flow, have a routes array, and routes carry no filter of their own', () => {
  const flow = [hook(), router(2, [setVar(3, 'a')]), setVar(4, 'b'), { id: 5, module: 'builtin:BasicRouter', version: 1, parameters: { routes: [[6]] } }];
  const withRouteFilter = [hook(), { id: 2, module: 'builtin:BasicRouter', version: 1, routes: [{ flow: [setVar(3, 'a')], filter: { conditions: [] } }] }];
  assert.deepEqual(errors(blueprint(flow)).map((d) => [d.code, d.moduleId]), [
    ['ROUTER_NOT_LAST', 2],
    ['ROUTER_WITHOUT_ROUTES', 5],
  ]);
  assert.deepEqual(errors(blueprint(withRouteFilter)).map((d) => [d.code, d.path]), [['ROUTE_UNKNOWN_KEY', 'flow[1].routes[0].filter']]);
});

test('error directives belong last in a handler route', () => {
  const failing = { id: 2, module: 'http:ActionSendData', version: 3, mapper: { url: 'http://x' }, onerror: [{ id: 3, module: 'builtin:Ignore', version: 1 }, setVar(4, 'a')] };
  assert.deepEqual(errors(blueprint([hook(), failing, { id: 5, module: 'builtin:Commit', version: 1 }])).map((d) => [d.code, d.moduleId]), [
    ['DIRECTIVE_NOT_LAST', 3],
    ['DIRECTIVE_OUTSIDE_HANDLER', 5],
  ]);
});

test('a trigger must be first, the first module takes no filter, and metadata.instant must match', () => {
  const filtered = { ...hook(), filter: { name: 'x', conditions: [[{ a: '1', o: 'exist' }]] } };
  assert.deepEqual(errors(blueprint([filtered, { id: 2, module: 'google-sheets:watchRows', version: 2 }], { instant: false })).map((d) => [d.code, d.path]), [
    ['FILTER_ON_FIRST_MODULE', 'flow[0].filter'],
    ['TRIGGER_NOT_FIRST', 'flow[1]'],
    ['INSTANT_MISMATCH', 'metadata.instant'],
  ]);
  assert.equal(validateBlueprint(blueprint([hook()], { instant: false })).ok, true, 'an instant mismatch is a warning');
});

test('a webhook without a hook id is not configured', () => {
  const unset = { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { maxResults: 1 } };
  assert.deepEqual(errors(blueprint([unset])), [{ code: 'PARAMETER_MISSING', moduleId: 1, path: 'flow[0].parameters', position: undefined }]);
});

test('problems inside orphan chains are warnings: Make does not run them', () => {
  const result = validateBlueprint(blueprint([hook()], { instant: true, designer: { orphans: [[setVar(9, '{{upper(}}')]] } }));
  assert.equal(result.ok, true);
  assert.deepEqual(result.diagnostics.map((d) => [d.severity, d.code, d.path]), [['warning', 'IML_SYNTAX', 'metadata.designer.orphans[0][0].mapper.value']]);
});
