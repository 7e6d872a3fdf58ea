// `remake validate` as a user runs it: the built bin, text and JSON output, exit codes (CONTRACTS.md §1).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

function writeBlueprint(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'remake-validate-')), 'scenario.blueprint.json');
  writeFileSync(file, text);
  return file;
}

const broken = {
  name: 'Broken',
  flow: [
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1 } },
    { id: 2, module: 'util:SetVariable2', version: 1, mapper: { name: 'x', value: '{{formatDate(1.date, "YYYY")}}' } },
    { id: 3, module: 'builtin:Sleep', version: 1, mapper: { seconds: '{{4.value}}' } },
  ],
  metadata: { instant: true },
};

test('a clean example validates with exit 0 and a summary line', () => {
  assert.deepEqual(remake('validate', EXAMPLE), { code: 0, stdout: '1 file, all ok: 0 errors, 0 warnings, 0 info\n', stderr: '' });
});

test('errors print file, code, module, path and position, and exit 1', () => {
  const file = writeBlueprint(JSON.stringify(broken));
  const { code, stdout } = remake('validate', file);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.match(lines[0] ?? '', /: error IML_SYNTAX \(module 2, flow\[1\]\.mapper\.value, position 20\): .*separated by ';'/);
  assert.match(lines[1] ?? '', /: error REFERENCE_UNKNOWN_MODULE \(module 3, flow\[2\]\.mapper\.seconds, position 3\)/);
  assert.match(lines[2] ?? '', /: error MODULE_UNKNOWN \(module 3, flow\[2\]\.module\): 'builtin:Sleep' is not a Make module/);
  assert.equal(lines.at(-1), '1 file, 1 with errors: 3 errors, 0 warnings, 0 info');
});

test('--format json prints one document in the shape of CONTRACTS.md §1, for several files', () => {
  const file = writeBlueprint(`\uFEFF${JSON.stringify(broken, null, 2).replaceAll('\n', '\r\n')}`);
  const { code, stdout } = remake('validate', EXAMPLE, file, '--format', 'json');
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.files[0], { file: EXAMPLE, ok: true, diagnostics: [] });
  assert.equal(report.files[1].ok, false);
  assert.deepEqual(report.files[1].diagnostics[0], {
    severity: 'error',
    code: 'IML_SYNTAX',
    message: "IML syntax error at position 20: arguments of formatDate() are separated by ';' in scenario IML, not ','",
    moduleId: 2,
    path: 'flow[1].mapper.value',
    position: 20,
  });
});

test('a file that is not JSON is a diagnostic with line and column; a missing file is bad usage (exit 2)', () => {
  const file = writeBlueprint('{"name": "x",\n "flow": [}');
  const result = remake('validate', file);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /error BLUEPRINT_JSON \(position 25\): The file is not JSON: .* at line 2, column 11\./);
  const missing = remake('validate', join(tmpdir(), 'no-such-blueprint.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^remake: cannot read '.*no-such-blueprint\.json': ENOENT\n$/);
});

test('an unknown --format is bad usage', () => {
  const result = remake('validate', EXAMPLE, '--format', 'xml');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--format: 'xml' is not one of text, json/);
});
