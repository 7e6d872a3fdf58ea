// Tests JSON text that keeps bytes: Buffers come back as Buffers, and data that looks like our markers stays data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBufferJson, stringifyBufferJson } from './buffer-json.ts';

const roundTrip = (value: unknown): unknown => parseBufferJson(stringifyBufferJson(value));

describe('buffer JSON', () => {
  it('round-trips Buffers nested in objects and arrays as Buffers', () => {
    const value = { files: [{ name: 'a.png', data: Buffer.from([0, 137, 80, 255]) }], empty: Buffer.alloc(0), text: 'x' };
    const back = roundTrip(value) as typeof value;
    assert.deepEqual(back, value);
    assert.ok(Buffer.isBuffer(back.files[0]?.data) && Buffer.isBuffer(back.empty));
  });

  it('writes bytes as base64 under $buffer, and a Uint8Array view only its own bytes', () => {
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    assert.equal(stringifyBufferJson({ b: view }), '{"b":{"$buffer":"AQID"}}');
    assert.deepEqual(roundTrip(view), Buffer.from([1, 2, 3]));
  });

  it('keeps objects that look like markers as plain data', () => {
    const value = { a: { $buffer: 'aGk=' }, b: { $literal: { $buffer: 'x' } }, c: { $literal: 5 }, d: { $buffer: 'x', other: 1 } };
    assert.deepEqual(roundTrip(value), value);
    assert.deepEqual(roundTrip([{ $buffer: 'aGk=' }]), [{ $buffer: 'aGk=' }]);
  });

  it('passes JSON values through unchanged, dates as ISO text and undefined as null', () => {
    const value = { s: 'héllo ✓', n: -1.5, t: true, z: null, list: [1, [2], {}], when: new Date('2024-01-01T00:00:00.000Z'), gone: undefined };
    assert.deepEqual(roundTrip(value), { s: 'héllo ✓', n: -1.5, t: true, z: null, list: [1, [2], {}], when: '2024-01-01T00:00:00.000Z' });
    assert.equal(stringifyBufferJson(undefined), 'null');
    assert.deepEqual(roundTrip(JSON.parse('{"__proto__": {"polluted": true}}')), JSON.parse('{"__proto__": {"polluted": true}}'));
  });
});
