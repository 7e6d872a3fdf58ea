// A small blueprint and helpers shared by the patch_blueprint tests.
import assert from 'node:assert/strict';
import { patchBlueprint } from '../../src/blueprint/patch.ts';
import { RemakeError } from '../../src/shared/errors.ts';

export type Json = Record<string, unknown>;

/** `metadata` holding only a canvas position. */
export const at = (x: number, y: number): Json => ({ designer: { x, y } });

export const setVar = (id: number, name: string, value: string, x: number, y = 0): Json => ({
  id,
  module: 'util:SetVariable2',
  version: 1,
  mapper: { name, scope: 'roundtrip', value },
  metadata: at(x, y),
});

/** Webhook 1 → Set variable 2 → Router 3 with one route (Set variable 4). */
export const sample = (): Json => ({
  name: 'Patch sample',
  flow: [
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 7, maxResults: 1 }, mapper: {}, metadata: at(0, 0) },
    setVar(2, 'a', '{{1.x}}', 300),
    { id: 3, module: 'builtin:BasicRouter', version: 1, mapper: null, metadata: at(600, 0), routes: [{ flow: [setVar(4, 'b', '{{2.a}}', 900)] }] },
  ],
  metadata: { instant: true, version: 1, scenario: { roundtrips: 1, maxErrors: 3 } },
});

/** A Set variable module without id or position, as an assistant would send it. */
export const newVar = (name: string): Json => ({ module: 'util:SetVariable2', version: 1, mapper: { name, scope: 'roundtrip', value: 'v' } });

/** Asserts that the patch throws PATCH_INVALID with a message matching `message`. */
export function assertRefused(operations: unknown, message: RegExp, json: unknown = sample()): void {
  assert.throws(() => patchBlueprint(json, operations), (error: unknown) => {
    assert.ok(error instanceof RemakeError);
    assert.equal(error.code, 'PATCH_INVALID');
    assert.match(error.message, message);
    return true;
  });
}
