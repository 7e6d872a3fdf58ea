// The Make target of the MCP server from the environment: defaults, a Remake URL, a zone, and malformed values named.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RemakeError } from '../shared/errors.ts';
import { makeTargetFromEnv, remakeServerTarget } from './make-target.ts';

test('local is the default: http://127.0.0.1:8080, team 1, and no client without a token', () => {
  const target = makeTargetFromEnv({});
  assert.equal(target.label, 'http://127.0.0.1:8080');
  assert.equal(target.make, null);
  assert.equal(target.teamId, 1);
});

test('REMAKE_URL sets host and protocol; MAKE_API_TOKEN or REMAKE_API_TOKEN gives the client', () => {
  const target = makeTargetFromEnv({ REMAKE_URL: 'https://remake.example.com:8443', REMAKE_API_TOKEN: 'secret', MAKE_TEAM: '7' });
  assert.equal(target.make?.zone, 'remake.example.com:8443');
  assert.equal(target.make?.protocol, 'https');
  assert.equal(target.teamId, 7);
  const server = remakeServerTarget('http://127.0.0.1:4321', 'token');
  assert.equal(server.make?.zone, '127.0.0.1:4321');
  assert.equal(server.make?.protocol, 'http');
});

test('a zone host calls make.com over https; its team comes only from MAKE_TEAM', () => {
  const target = makeTargetFromEnv({ REMAKE_TARGET: 'eu2.make.com', MAKE_API_TOKEN: 'secret' });
  assert.equal(target.label, 'eu2.make.com');
  assert.equal(target.make?.zone, 'eu2.make.com');
  assert.equal(target.make?.protocol, 'https');
  assert.equal(target.teamId, null);
});

test('malformed values are RemakeErrors naming the variable', () => {
  const named = (name: string) => (error: unknown) => error instanceof RemakeError && error.code === 'MCP_TARGET_INVALID' && error.message.startsWith(name);
  assert.throws(() => makeTargetFromEnv({ REMAKE_TARGET: 'https://eu2.make.com' }), named('REMAKE_TARGET'));
  assert.throws(() => makeTargetFromEnv({ REMAKE_URL: 'ftp://127.0.0.1' }), named('REMAKE_URL'));
  assert.throws(() => makeTargetFromEnv({ REMAKE_URL: 'http://127.0.0.1:8080/api/v2' }), named('REMAKE_URL'));
  assert.throws(() => makeTargetFromEnv({ MAKE_TEAM: 'one' }), named('MAKE_TEAM'));
});
