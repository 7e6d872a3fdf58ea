// Field paths inside a module's `mapper` or `parameters` (`'a.b'`, `['headers', 0, 'value']`), and setting or
// deleting the value they name. Failures are PATCH_INVALID reasons; patchBlueprint adds the operation they belong to.
import { isRecord } from '../../shared/is-record.ts';
import { patchFailure } from './patch-error.ts';

/** A path as an operation writes it: dotted text, or a list of keys and array indexes. */
export type FieldPath = string | readonly (string | number)[];

/** Keys that would reach `Object.prototype` instead of the blueprint's own data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path as a list of segments; dotted text is split on `.`. Throws a reason when a segment is empty or unsafe. */
export function pathSegments(path: FieldPath): (string | number)[] {
  const segments = typeof path === 'string' ? path.split('.') : [...path];
  if (segments.length === 0) throw patchFailure('the path is empty');
  for (const segment of segments) {
    if (segment === '') throw patchFailure(`the path ${formatPath(path)} has an empty segment`);
    if (typeof segment === 'string' && FORBIDDEN_KEYS.has(segment)) throw patchFailure(`the path ${formatPath(path)} uses the reserved key '${segment}'`);
  }
  return segments;
}

/** The path as dotted text, for messages. */
export function formatPath(path: FieldPath): string {
  return typeof path === 'string' ? path : path.join('.');
}

/** An array index from a segment (`2` or `'2'`), or undefined when the segment is no index. */
function arrayIndex(segment: string | number): number | undefined {
  if (typeof segment === 'number') return Number.isInteger(segment) && segment >= 0 ? segment : undefined;
  return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : undefined;
}

/** A value as short JSON for a message. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

type Container = Record<string, unknown> | unknown[];

/** The child of `container` at `segment`, or undefined. */
function childOf(container: Container, segment: string | number): unknown {
  if (Array.isArray(container)) {
    const index = arrayIndex(segment);
    return index === undefined ? undefined : container[index];
  }
  const key = String(segment);
  return Object.hasOwn(container, key) ? container[key] : undefined;
}

/** Writes `value` at `segment`; an array index may be the array's length (append). */
function writeChild(container: Container, segment: string | number, value: unknown, at: string): void {
  if (!Array.isArray(container)) {
    container[String(segment)] = value;
    return;
  }
  const index = arrayIndex(segment);
  if (index === undefined || index > container.length) throw patchFailure(`${at} is an array of ${container.length} items; '${segment}' is not an index in it (0 to ${container.length})`);
  container[index] = value;
}

/** The container holding the last segment, creating missing (or null) objects on the way. */
function parentOf(root: Record<string, unknown>, segments: readonly (string | number)[], section: string): { container: Container; last: string | number; at: string } {
  let container: Container = root;
  let at = section;
  for (const segment of segments.slice(0, -1)) {
    let next = childOf(container, segment);
    if (next === undefined || next === null) {
      next = {};
      writeChild(container, segment, next, at);
    }
    at = `${at}.${segment}`;
    if (!isRecord(next) && !Array.isArray(next)) throw patchFailure(`${at} is ${preview(next)}, not an object or array, so the path cannot go through it`);
    container = next;
  }
  return { container, last: segments[segments.length - 1] as string | number, at };
}

/** Sets `value` at `path` inside `root` (named `section` in messages), creating missing (or null) objects on the way. */
export function setAtPath(root: Record<string, unknown>, path: FieldPath, value: unknown, section: string): void {
  const segments = pathSegments(path);
  const { container, last, at } = parentOf(root, segments, section);
  writeChild(container, last, value, at);
}

/** Deletes the value at `path` inside `root`; an array item is spliced out. Throws a reason when nothing is there. */
export function deleteAtPath(root: Record<string, unknown>, path: FieldPath, section: string): void {
  const segments = pathSegments(path);
  let container: unknown = root;
  for (const segment of segments.slice(0, -1)) container = isRecord(container) || Array.isArray(container) ? childOf(container, segment) : undefined;
  const last = segments[segments.length - 1] as string | number;
  const missing = `${section}.${formatPath(path)} does not exist`;
  if (Array.isArray(container)) {
    const index = arrayIndex(last);
    if (index === undefined || index >= container.length) throw patchFailure(missing);
    container.splice(index, 1);
    return;
  }
  if (!isRecord(container) || !Object.hasOwn(container, String(last))) throw patchFailure(missing);
  delete container[String(last)];
}
