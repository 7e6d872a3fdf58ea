// `remake connections` as a user runs it: the built bin adds, lists (masked) and removes connections in a data dir,
// bad input exits 2 naming the field, and neither the SQLite file nor any output holds a secret in clear text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/remake.js', import.meta.url));
const { REMAKE_SECRET_KEY: _ignored, ...env } = process.env;

function remake(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const root = mkdtempSync(join(tmpdir(), 'remake-connections-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));
const PASSWORD = 'hunter2-do-not-print';
const CLIENT_SECRET = 'client-secret-do-not-print';
const oauth = { grantType: 'client_credentials', tokenUrl: 'https://auth.example.com/oauth/token', clientId: 'my-client', clientSecret: CLIENT_SECRET, scope: 'read' };

test('add (flags and --file), list masked, remove', () => {
  const dataDir = join(root, 'main');
  const added = remake('connections', 'add', '--data-dir', dataDir, '--id', '101', '--type', 'basic', '--name', 'Shop API', '--data', JSON.stringify({ username: 'ada', password: PASSWORD }));
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /^Saved connection '101' \(basic, Shop API\)\.$/m);

  const file = join(root, 'connections.json');
  writeFileSync(file, JSON.stringify({ '202': { type: 'oauth2', name: 'Auth server', data: oauth }, '55': { type: 'apiKey', name: 'Key', data: { key: 'k-secret-value' } } }));
  const fromFile = remake('connections', 'add', '--data-dir', dataDir, '--file', file);
  assert.equal(fromFile.code, 0, fromFile.stderr);
  assert.match(fromFile.stdout, /Saved connection '202' \(oauth2, Auth server\)/);

  const listed = remake('connections', 'list', '--data-dir', dataDir, '--format', 'json');
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(JSON.parse(listed.stdout), [
    { id: '101', type: 'basic', name: 'Shop API', data: { username: 'ada', password: '••••' } },
    { id: '202', type: 'oauth2', name: 'Auth server', data: { ...oauth, clientSecret: '••••', clientAuth: 'body' } },
    { id: '55', type: 'apiKey', name: 'Key', data: { key: '••••', placement: 'header', name: 'X-Api-Key' } },
  ]);
  const text = remake('connections', 'list', '--data-dir', dataDir);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^101 {2}basic {2}Shop API {2}\{"username":"ada","password":"••••"\}$/m);
  for (const output of [added.stdout, fromFile.stdout, listed.stdout, text.stdout, text.stderr]) {
    assert.ok(!output.includes(PASSWORD) && !output.includes(CLIENT_SECRET) && !output.includes('k-secret-value'), 'no secret is printed');
  }

  const removed = remake('connections', 'remove', '101', '--data-dir', dataDir);
  assert.equal(removed.code, 0);
  assert.match(removed.stdout, /Removed connection '101'/);
  const again = remake('connections', 'remove', '101', '--data-dir', dataDir);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /no connection '101'/);
  assert.deepEqual(
    JSON.parse(remake('connections', 'list', '--data-dir', dataDir, '--format', 'json').stdout).map((record: { id: string }) => record.id),
    ['202', '55'],
  );
});

test('the data dir holds no secret in clear text, and secret.key is private', () => {
  const dataDir = join(root, 'disk');
  assert.equal(remake('connections', 'add', '--data-dir', dataDir, '--id', '7', '--type', 'basic', '--name', 'Disk', '--data', JSON.stringify({ username: 'u', password: PASSWORD })).code, 0);
  const files = readdirSync(dataDir);
  assert.ok(files.includes('remake.sqlite'));
  for (const name of files) {
    if (name === 'secret.key') continue;
    assert.ok(!readFileSync(join(dataDir, name)).includes(PASSWORD), `${name} does not contain the password`);
  }
  assert.equal(statSync(join(dataDir, 'secret.key')).mode & 0o777, 0o600);
});

test('bad input exits 2 and names the field', () => {
  const dataDir = join(root, 'bad');
  const badType = remake('connections', 'add', '--data-dir', dataDir, '--id', '1', '--type', 'ftp', '--name', 'X', '--data', '{}');
  assert.equal(badType.code, 2);
  assert.match(badType.stderr, /type must be one of basic, apiKey, oauth2, certificate/);

  const missingField = remake('connections', 'add', '--data-dir', dataDir, '--id', '1', '--type', 'basic', '--name', 'X', '--data', '{"username": "u"}');
  assert.equal(missingField.code, 2);
  assert.match(missingField.stderr, /data\.password is required/);

  const badUrl = remake('connections', 'add', '--data-dir', dataDir, '--file', JSON.stringify([{ id: 3, type: 'oauth2', name: 'O', data: { ...oauth, tokenUrl: 'not a url' } }]));
  assert.equal(badUrl.code, 2);
  assert.match(badUrl.stderr, /data\.tokenUrl must be an http\(s\) URL/);

  const missingFlag = remake('connections', 'add', '--data-dir', dataDir, '--id', '1', '--type', 'basic');
  assert.equal(missingFlag.code, 2);
  assert.match(missingFlag.stderr, /missing --name, --data/);

  const badFormat = remake('connections', 'list', '--data-dir', dataDir, '--format', 'xml');
  assert.equal(badFormat.code, 2);
});

test('remake run --connections rejects a bad connection with exit 2', () => {
  const blueprint = join(root, 'noop.json');
  writeFileSync(blueprint, JSON.stringify({ name: 'noop', flow: [{ id: 1, module: 'util:SetVariable2', version: 1, parameters: {}, mapper: { name: 'a', scope: 'roundtrip', value: '1' } }], metadata: { instant: false, version: 1 } }));
  const bad = remake('run', blueprint, '--connections', '[{"id": 1, "type": "apiKey", "name": "K", "data": {}}]', '--format', 'json');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /data\.key is required/);
  const good = remake('run', blueprint, '--connections', '{"1": {"type": "apiKey", "name": "K", "data": {"key": "abc"}}}', '--format', 'json');
  assert.equal(good.code, 0, good.stderr);
});
