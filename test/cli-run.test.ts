// `remake run` as a user runs it: the built bin, the JSON report and the pretty trace, exit codes, mocks,
// a data dir that keeps data stores and counters between runs, and clear errors for bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/remake.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../examples/blueprints/order-webhook.blueprint.json', import.meta.url));
const EXAMPLE_INPUT = fileURLToPath(new URL('../examples/blueprints/order-webhook.input.json', import.meta.url));

function remake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'remake-run-cli-'));
const settings = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };
function blueprint(name: string, flow: unknown[]): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, flow, metadata: { instant: false, version: 1, scenario: settings, designer: { orphans: [] } } }));
  return file;
}

/** A counter that never resets, and a data store write of the count: both must survive between runs with --data-dir. */
const counter = blueprint('counter', [
  { id: 1, module: 'util:FunctionIncrement', version: 1, parameters: { reset: 'scenario' }, mapper: {} },
  { id: 2, module: 'datastore:AddRecord', version: 1, parameters: { datastore: 77 }, mapper: { key: 'run{{1.i}}', data: { n: '{{1.i}}' }, overwrite: true } },
  { id: 3, module: 'datastore:CountRecords', version: 1, parameters: { datastore: 77 }, mapper: {} },
]);

const withCrm = blueprint('crm', [
  { id: 1, module: 'crm:watchDeals', version: 2, parameters: {}, mapper: {}, metadata: { interface: [{ name: 'title', type: 'text' }, { name: 'amount', type: 'number' }] } },
  { id: 2, module: 'slack:CreateMessage', version: 4, parameters: {}, mapper: { text: 'New deal {{1.title}} ({{1.amount}})' } },
]);

test('the example scenario runs and prints the JSON report of CONTRACTS §1', () => {
  const { code, stdout } = remake('run', EXAMPLE, '--input', EXAMPLE_INPUT, '--format', 'json');
  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.status, 'success');
  assert.equal(report.operations, 6);
  assert.equal(report.cycles, 1);
  assert.deepEqual(report.modules['4'], { module: 'util:TextAggregator', operations: 1, outputs: [{ text: 'LAMP x 79,50\nBULB x 24,00' }], errors: [] });
  assert.equal(report.modules['7'], undefined, 'the small-order route never ran');
  assert.deepEqual(report.response, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"order": "A-1001", "tag": "big", "lines": "LAMP x 79,50; BULB x 24,00"}' });
  assert.deepEqual(report.incomplete, []);
  assert.equal(report.error, null);
});

test('--format pretty prints a trace with each module, its operations and bundles', () => {
  const { code, stdout } = remake('run', EXAMPLE, '--input', '{"order_id": "B2", "items": [{"sku": "PEN", "price": 3}]}', '--format', 'pretty');
  assert.equal(code, 0);
  assert.match(stdout, /^Status: success · 5 operations · 1 cycle$/m);
  assert.match(stdout, /^\[3\] util:SetVariable2 · 1 op · 1 bundle out$/m);
  assert.match(stdout, /^Response: 200 \{"order": "B2", "tag": "small"\}$/m);
});

test('a module Remake cannot run and that has no mock stops the run, naming it; exit 1', () => {
  const { code, stdout } = remake('run', withCrm, '--format', 'json');
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.status, 'error');
  assert.equal(report.operations, 0);
  assert.equal(report.error.type, 'InvalidConfigurationError');
  assert.match(report.error.message, /1 \(crm:watchDeals\), 2 \(slack:CreateMessage\)/);
});

test('--mocks drive modules by id and by app:Module; --auto-mock builds bundles from metadata.interface', () => {
  const mocked = JSON.parse(remake('run', withCrm, '--format', 'json', '--mocks', '{"1": [{"title": "Big", "amount": 900}], "slack:CreateMessage": [{"ts": "1"}]}').stdout);
  assert.equal(mocked.status, 'success');
  assert.deepEqual(mocked.modules['2'].outputs, [{ ts: '1' }]);
  const auto = remake('run', withCrm, '--format', 'json', '--auto-mock', '--mocks', '{"2": [{"ts": "2"}]}');
  assert.equal(auto.code, 0);
  assert.deepEqual(JSON.parse(auto.stdout).modules['1'].outputs, [{ title: 'title sample', amount: 1 }]);
});

test('a mocked error with no handler ends the run with status error and exit 1', () => {
  const { code, stdout } = remake('run', withCrm, '--format', 'json', '--mocks', '{"1": [{"title": "x"}], "2": {"error": {"type": "RateLimitError", "message": "Slow down"}}}');
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.error, { type: 'RateLimitError', message: 'Slow down', moduleId: 2 });
  assert.deepEqual(report.modules['2'].errors, [{ type: 'RateLimitError', message: 'Slow down' }]);
});

test('--data-dir keeps data stores and never-reset counters between runs', () => {
  const dataDir = join(dir, 'data');
  const first = JSON.parse(remake('run', counter, '--format', 'json', '--data-dir', dataDir).stdout);
  const second = JSON.parse(remake('run', counter, '--format', 'json', '--data-dir', dataDir).stdout);
  assert.deepEqual(first.modules['1'].outputs, [{ i: 1 }]);
  assert.deepEqual(second.modules['1'].outputs, [{ i: 2 }]);
  assert.deepEqual(second.modules['3'].outputs, [{ count: 2 }]);
  const temporary = JSON.parse(remake('run', counter, '--format', 'json').stdout);
  assert.deepEqual(temporary.modules['1'].outputs, [{ i: 1 }], 'without --data-dir every run starts empty');
});

test('--data-stores seeds records before the run', () => {
  const report = JSON.parse(remake('run', counter, '--format', 'json', '--data-stores', '{"77": {"old": {"n": 0}, "older": {"n": -1}}}').stdout);
  assert.deepEqual(report.modules['3'].outputs, [{ count: 3 }]);
});

test('bad input exits 2 with a one-line reason naming what is wrong', () => {
  const badMocks = remake('run', withCrm, '--mocks', '{"1": {"error": {"type": "Oops"}}}');
  assert.equal(badMocks.code, 2);
  assert.match(badMocks.stderr, /Invalid mocks at '1/);
  const badInput = remake('run', counter, '--input', '{"not": "an array"}');
  assert.equal(badInput.code, 2);
  assert.match(badInput.stderr, /--input is an array of output bundles/);
  const badZone = remake('run', counter, '--timezone', 'Mars/Olympus');
  assert.equal(badZone.code, 2);
  assert.match(badZone.stderr, /Unknown time zone 'Mars\/Olympus'/);
  const missing = remake('run', join(dir, 'nope.json'));
  assert.equal(missing.code, 2);
});

test('an incomplete execution kept in --data-dir is listed, retried from its failed module, and resolved', () => {
  const dataDir = join(dir, 'incomplete');
  const file = join(dir, 'stored.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'stored',
      flow: [
        { id: 1, module: 'builtin:BasicFeeder', version: 1, mapper: { array: ['a', 'b'] } },
        { id: 2, module: 'crm:createLead', version: 1, mapper: { name: '{{1.value}}' } },
        { id: 3, module: 'util:ComposeTransformer', version: 1, mapper: { value: 'lead {{2.id}} for {{1.value}}' } },
      ],
      metadata: { instant: false, version: 1, scenario: { ...settings, dlq: true }, designer: { orphans: [] } },
    }),
  );
  const first = JSON.parse(remake('run', file, '--format', 'json', '--data-dir', dataDir, '--mocks', '{"2": [{"id": 1}, {"error": {"type": "ConnectionError", "message": "CRM down"}}]}').stdout);
  assert.equal(first.status, 'warning');
  assert.deepEqual(first.modules['3'].outputs, [{ value: 'lead 1 for a' }]);
  const [stored] = first.incomplete;
  assert.equal(stored.moduleId, 2);

  const listed = JSON.parse(remake('incomplete', 'list', '--data-dir', dataDir, '--format', 'json').stdout);
  assert.equal(listed.length, 1);
  assert.deepEqual({ id: listed[0].id, retry: listed[0].retry, scope: listed[0].scope }, { id: stored.id, retry: { enabled: true, attempts: 8, intervalMinutes: 1 }, scope: { 1: { value: 'b', __IMTINDEX__: 2, __IMTLENGTH__: 2 } } });

  const failedAgain = remake('incomplete', 'retry', stored.id, '--data-dir', dataDir, '--mocks', '{"2": {"error": {"type": "DataError", "message": "still bad"}}}');
  assert.equal(failedAgain.code, 1);
  assert.equal(JSON.parse(remake('incomplete', 'list', '--data-dir', dataDir, '--format', 'json').stdout).length, 1, 'a failed retry keeps the record');

  const retried = remake('incomplete', 'retry', stored.id, '--data-dir', dataDir, '--mocks', '{"2": [{"id": 2}]}');
  assert.equal(retried.code, 0);
  const report = JSON.parse(retried.stdout);
  assert.equal(report.resolved, true);
  assert.deepEqual(report.modules['3'].outputs, [{ value: 'lead 2 for b' }]);
  assert.equal(report.modules['1'], undefined, 'the retry starts at the failed module');
  assert.equal(remake('incomplete', 'list', '--data-dir', dataDir).stdout.trim(), 'No incomplete executions.');
  assert.equal(remake('incomplete', 'retry', 'nope', '--data-dir', dataDir).code, 2);
});

test('--offline treats HTTP modules as modules that need a mock, and --auto-mock then fills them', () => {
  const file = blueprint('offline', [
    { id: 1, module: 'http:ActionSendData', version: 3, parameters: { handleErrors: true }, mapper: { url: 'http://192.0.2.1/never', method: 'get' } },
    { id: 2, module: 'util:ComposeTransformer', version: 1, mapper: { value: 'status {{1.statusCode}}' } },
  ]);
  const refused = JSON.parse(remake('run', file, '--format', 'json', '--offline').stdout);
  assert.match(refused.error.message, /1 \(http:ActionSendData\)/);
  const mocked = JSON.parse(remake('run', file, '--format', 'json', '--offline', '--auto-mock').stdout);
  assert.equal(mocked.status, 'success');
  assert.deepEqual(mocked.modules['2'].outputs, [{ value: 'status 1' }]);
});

test('an object --input is the scenario inputs of a Start scenario trigger, and Return output sets the outputs', () => {
  const greet = fileURLToPath(new URL('../examples/serve/greet-on-demand.blueprint.json', import.meta.url));
  const result = remake('run', greet, '--input', '{"name": "ada"}', '--format', 'json');
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { outputs: unknown; modules: Record<string, { outputs: unknown[] }> };
  assert.deepEqual(report.outputs, { greeting: 'Hello, Ada!', letters: 3 });
  assert.deepEqual(report.modules['1']?.outputs, [{ name: 'ada' }]);
});
