// Reads a key of a plain record only when the record itself holds it, never Object.prototype's members.

/** `record[key]` when `key` is the record's own; so `constructor` or `__proto__` from user data find nothing. */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
