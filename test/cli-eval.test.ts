// `remake eval` as a user runs it: the built bin, stdout, stderr and exit codes (CONTRACTS.md §1).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/remake.js', import.meta.url));

function remake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('eval prints the value as one line of JSON, keeping the type of a single expression', () => {
  const context = JSON.stringify({ '1': { name: 'eva', items: [1, 2, 3] } });
  assert.deepEqual(remake('eval', '{{length(1.items)}}', '--context', context), { code: 0, stdout: '3\n', stderr: '' });
  assert.equal(remake('eval', 'Hi {{upper(1.name)}}!', '--context', context).stdout, '"Hi EVA!"\n');
  assert.equal(remake('eval', '{{1.items}}', '--context', context).stdout, '[1,2,3]\n');
});

test('eval reads --context from a file and honours --now and --timezone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'remake-eval-'));
  const file = join(dir, 'context.json');
  writeFileSync(file, `\uFEFF${JSON.stringify({ '1': { d: '2018-10-01T07:32:00.000Z' }, timezone: 'UTC' })}`);
  assert.equal(remake('eval', '{{formatDate(1.d; "YYYY-MM-DD HH:mm")}}', '--context', file, '--timezone', 'Asia/Tokyo').stdout, '"2018-10-01 16:32"\n');
  assert.equal(remake('eval', '{{now}}', '--now', '2024-01-01T00:00:00Z').stdout, '"2024-01-01T00:00:00.000Z"\n');
  assert.equal(remake('eval', '{{addDays(now; 1)}}', '--now', '2024-01-31T12:00:00Z').stdout, '"2024-02-01T12:00:00.000Z"\n');
});

test('eval --seed makes random and uuid reproducible', () => {
  const first = remake('eval', '{{uuid}} {{random}}', '--seed', '7').stdout;
  assert.equal(remake('eval', '{{uuid}} {{random}}', '--seed', '7').stdout, first);
  assert.match(first, /^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} 0\.\d+"\n$/);
});

test('eval --filter evaluates a condition or a whole filter and prints true or false', () => {
  const context = JSON.stringify({ '1': { status: 'Paid', total: 120 } });
  assert.equal(remake('eval', '--filter', '{"a": "{{1.status}}", "o": "text:equal:ci", "b": "paid"}', '--context', context).stdout, 'true\n');
  const filter = { conditions: [[{ a: '{{1.total}}', o: 'number:greater', b: '500' }], [{ a: '{{1.status}}', o: 'exist' }]] };
  assert.equal(remake('eval', '--filter', JSON.stringify(filter), '--context', context).stdout, 'true\n');
  const rejected = remake('eval', '--filter', '{"a": "x", "o": "text:equals", "b": "x"}');
  assert.equal(rejected.code, 2);
  assert.match(rejected.stderr, /Unknown filter operator 'text:equals'/);
});

test('a syntax error exits 2 and names the character position', () => {
  const result = remake('eval', '{{if(1 = 1; "A", "B")}}');
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /IML syntax error at position 16: arguments of if\(\) are separated by ';'/);
  assert.match(remake('eval', '{{formatDat(now; "YYYY")}}').stderr, /Function 'formatDat' not found at position 3/);
});

test('a mapping failure exits 1 with a DataError; bad usage exits 2 with a one-line reason', () => {
  const failed = remake('eval', '{{parseDate("yesterday"; "YYYY-MM-DD")}}');
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /^DataError: parseDate\(\) cannot read 'yesterday'/);
  const unreadable = remake('eval', '{{1}}', '--context', '/nonexistent/context.json');
  assert.equal(unreadable.code, 2);
  assert.match(unreadable.stderr, /--context: cannot read file '\/nonexistent\/context.json': ENOENT/);
  assert.equal(remake('eval', '{{1}}', '--timezone', 'Mars/Olympus').code, 2);
  assert.equal(remake('eval').code, 2);
  assert.equal(remake('eval', '--help').code, 0);
});
