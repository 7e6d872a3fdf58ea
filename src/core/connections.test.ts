// Connection input parsing (record, array, id map) with field-naming errors, and secret masking.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RemakeError } from '../shared/errors.ts';
import { MASK, maskSecrets, parseConnectionRecords } from './connections.ts';

describe('parseConnectionRecords', () => {
  it('accepts one record, an array, or an object keyed by id, and fills defaults', () => {
    const apiKey = { type: 'apiKey', name: 'K', data: { key: 'abc' } };
    const expected = [{ id: '7', type: 'apiKey', name: 'K', data: { key: 'abc', placement: 'header', name: 'X-Api-Key' } }];
    assert.deepEqual(parseConnectionRecords({ id: 7, ...apiKey }), expected);
    assert.deepEqual(parseConnectionRecords([{ id: '7', ...apiKey }]), expected);
    assert.deepEqual(parseConnectionRecords({ '7': apiKey }), expected);
  });

  it('names the record and field of the first problem', () => {
    const fails = (value: unknown, message: RegExp) =>
      assert.throws(
        () => parseConnectionRecords(value),
        (error: unknown) => error instanceof RemakeError && error.code === 'CONNECTION_INVALID' && message.test(error.message),
      );
    fails({ '9': { type: 'oauth2', name: 'O', data: { grantType: 'password' } } }, /connection '9': data\.grantType must be 'client_credentials' or 'authorization_code'/);
    fails([{ id: 1, type: 'certificate', name: 'C', data: { cert: 'x', key: 'y' } }], /\[0\] \('1'\): data\.cert must be PEM text/);
    fails([{ id: '', type: 'basic', name: 'B', data: { username: 'u', password: 'p' } }], /id must not be empty/);
    fails([{ id: 1, type: 'basic', name: 'B', data: { username: 'u', password: 'p' } }, { id: '1', type: 'basic', name: 'B', data: { username: 'u', password: 'p' } }], /'1' appears twice/);
    fails('nope', /must be a record, an array/);
    fails({ id: 1, type: 'oauth2', name: 'O', data: { grantType: 'client_credentials', tokenUrl: 'https://a.example/t', clientId: 'c', clientSecret: 's', expiresAt: 'tomorrow' } }, /data\.expiresAt must be an ISO 8601 date-time/);
  });
});

describe('maskSecrets', () => {
  it('masks values under secret-looking keys at any depth, but not URLs', () => {
    const masked = maskSecrets({
      id: '1',
      type: 'oauth2',
      name: 'O',
      data: { clientId: 'c', clientSecret: 's', accessToken: 't', refreshToken: 'r', tokenUrl: 'https://a.example/t', extra: { apiKey: 'k', passphrase: 'x', list: [{ password: 'p' }] } },
    });
    assert.deepEqual(masked.data, {
      clientId: 'c',
      clientSecret: MASK,
      accessToken: MASK,
      refreshToken: MASK,
      tokenUrl: 'https://a.example/t',
      extra: { apiKey: MASK, passphrase: MASK, list: [{ password: MASK }] },
    });
  });
});
