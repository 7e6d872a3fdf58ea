// Reading into bundles: keys, 1-based indexes and the `get()` path syntax (IML.md §A.3).
import { ownValue } from '../shared/own-value.ts';
import { isCollection, toNumber } from './coerce.ts';
import type { ImlValue } from './types.ts';

/** `value.key`. On an array the key is read from its first item, as `items[].key` does. */
export function readKey(value: unknown, key: string): ImlValue {
  if (Array.isArray(value)) return readKey(value[0], key);
  return isCollection(value) ? ownValue(value, key) : undefined;
}

/** `value[index]`: 1-based on arrays, negative counts from the end; on a collection, a key. */
export function readIndex(value: unknown, index: unknown): ImlValue {
  if (Array.isArray(value)) {
    let position: number | undefined;
    try {
      position = toNumber(index);
    } catch {
      return undefined;
    }
    if (position === undefined || !Number.isInteger(position) || position === 0) return undefined;
    return (position > 0 ? value[position - 1] : value[value.length + position]) as ImlValue;
  }
  if (isCollection(value) && (typeof index === 'string' || typeof index === 'number')) return readKey(value, String(index));
  return undefined;
}

/** `get(value; path)`: a number is an index; text is a dot path whose numeric parts index arrays. */
export function readPath(value: unknown, path: unknown): ImlValue {
  if (typeof path === 'number') return readIndex(value, path);
  if (typeof path !== 'string' || path === '') return undefined;
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    if (Array.isArray(current) && /^-?\d+$/.test(part)) current = readIndex(current, Number(part));
    else if (isCollection(current)) current = ownValue(current, part);
    else if (Array.isArray(current)) current = readKey(current, part);
    else return undefined;
  }
  return current as ImlValue;
}
