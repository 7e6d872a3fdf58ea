// seal/open round trips, and every way opening must fail: wrong key, wrong associated data, altered or malformed text.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { RemakeError } from '../shared/errors.ts';
import { open, seal } from './secret-box.ts';

const key = randomBytes(32);

function code(expected: string): (error: unknown) => boolean {
  return (error) => error instanceof RemakeError && error.code === expected;
}

describe('secret box', () => {
  it('round-trips text and uses a fresh IV each time', () => {
    const text = '{"password":"héllo ✓"}';
    const a = seal(text, key);
    const b = seal(text, key);
    assert.notEqual(a, b);
    assert.equal(open(a, key), text);
    assert.equal(open(b, key), text);
    assert.ok(!a.includes('password'));
  });

  it('fails clearly with a wrong key or different associated data', () => {
    const sealed = seal('secret', key, 'row:1');
    assert.equal(open(sealed, key, 'row:1'), 'secret');
    assert.throws(() => open(sealed, randomBytes(32), 'row:1'), code('SECRET_OPEN_FAILED'));
    assert.throws(() => open(sealed, key, 'row:2'), code('SECRET_OPEN_FAILED'));
  });

  it('detects altered ciphertext and malformed text', () => {
    const sealed = seal('secret value', key);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    assert.throws(() => open([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), key), /secret key is wrong or the data was altered/);
    assert.throws(() => open('plain text', key), code('SECRET_MALFORMED'));
    assert.throws(() => open('v1.AAAA.BBBB.CCCC', key), code('SECRET_MALFORMED'));
  });

  it('rejects keys that are not 32 bytes', () => {
    assert.throws(() => seal('x', Buffer.alloc(16)), code('SECRET_KEY_INVALID'));
  });
});
