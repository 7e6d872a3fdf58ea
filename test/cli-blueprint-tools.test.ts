// `remake lint`, `remake remap` and `remake explain` as a user runs them: the built bin, output and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/remake.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../examples/blueprints/order-webhook.blueprint.json', import.meta.url));

function remake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'remake-tools-'));
const risky = join(dir, 'risky.blueprint.json');
writeFileSync(
  risky,
  JSON.stringify({
    name: 'Risky',
    flow: [
      { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 101, maxResults: 1 }, mapper: {} },
      {
        id: 2,
        module: 'http:ActionSendData',
        version: 3,
        parameters: { handleErrors: true },
        mapper: { url: 'https://api.example.com/orders', method: 'post', headers: [{ name: 'Authorization', value: 'Bearer sk-live-1234567890abcdef' }], data: '{{1.order}}' },
      },
      { id: 3, module: 'datastore:AddRecord', version: 1, parameters: { datastore: 5501, __IMTCONN__: 4242 }, mapper: { key: '{{1.id}}', data: {} } },
    ],
    metadata: { instant: true, version: 1, scenario: { roundtrips: 1, dlq: false } },
  }),
);

test('lint prints warnings with a fix and exits 0; the example is clean', () => {
  const { code, stdout } = remake('lint', risky);
  assert.equal(code, 0);
  assert.match(stdout, /warning LINT_NO_ERROR_HANDLER \(module 2, flow\[1\]\)/);
  assert.match(stdout, /warning LINT_SECRET_IN_MAPPING \(module 2, /);
  assert.doesNotMatch(stdout, /sk-live-1234567890abcdef/, 'the secret itself is never printed');
  assert.match(stdout, /warning LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS/);
  assert.match(stdout, /\n {2}fix: /);
  const json = JSON.parse(remake('lint', risky, '--format', 'json').stdout);
  assert.ok(json.files[0].diagnostics.every((d: { severity: string; fix?: string }) => d.severity === 'warning' && typeof d.fix === 'string'));
  assert.equal(remake('lint', EXAMPLE).code, 0);
});

test('remap --list names each environment id; --map rewrites them and reports what it left', () => {
  const listed = remake('remap', risky, '--list', '--format', 'json');
  assert.equal(listed.code, 0);
  const ids = JSON.parse(listed.stdout).ids.map((id: { kind: string; id: unknown; moduleId: number; path: string }) => [id.kind, id.id, id.moduleId, id.path]);
  assert.deepEqual(ids, [
    ['hook', 101, 1, 'flow[0].parameters.hook'],
    ['dataStore', 5501, 3, 'flow[2].parameters.datastore'],
    ['connection', 4242, 3, 'flow[2].parameters.__IMTCONN__'],
  ]);
  const out = join(dir, 'remapped.json');
  const mapped = remake('remap', risky, '--map', JSON.stringify({ hook: { '101': 202 }, dataStore: { '5501': 6601 } }), '--out', out);
  assert.equal(mapped.code, 0);
  assert.match(mapped.stderr, /remapped 2 ids; 1 left as they were/);
  assert.match(mapped.stderr, /not in the map: connection +4242/);
  const written = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(written.flow[0].parameters.hook, 202);
  assert.equal(written.flow[2].parameters.datastore, 6601);
  assert.equal(written.flow[2].parameters.__IMTCONN__, 4242);
  const bad = remake('remap', risky, '--map', '{"planet": {"1": 2}}');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--map: .*planet/);
  assert.equal(remake('remap', risky).code, 2, 'one of --list or --map is required');
});

test('explain describes trigger, mappings, routes with their conditions and settings', () => {
  const { code, stdout } = remake('explain', EXAMPLE);
  assert.equal(code, 0);
  assert.match(stdout, /^# Scenario: Orders: tag big orders and answer the webhook/);
  assert.match(stdout, /webhook call \(hook 101/);
  assert.match(stdout, /Module 4 "Order lines": util:TextAggregator \(Text aggregator\)\n  - collects the bundles from module 2 \(Each item\) into one/);
  assert.match(stdout, /Route 1 "Big order": when .*is at least 100/);
  assert.match(stdout, /Incomplete executions: not allowed/);
});
