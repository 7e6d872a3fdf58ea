// The kinds of environment-specific ids a blueprint carries: things that belong to one Make team and must be
// re-chosen (or remapped) when the blueprint is imported into another (BLUEPRINT.md §8, §10).

/** Every kind of id, in the order `remake remap` lists them. */
export const ENVIRONMENT_ID_KINDS = [
  /** A connection (`__IMTCONN__`, `account`, `makeConnectionId`…; spec type `account:<app>`). */
  'connection',
  /** A keychain entry: API key, basic-auth or proxy credentials (spec type `keychain:<kind>`). */
  'key',
  /** A webhook or mailhook, custom or an app's instant trigger (`hook`, `__IMTHOOK__`; spec type `hook:<kind>`). */
  'hook',
  /** A data store (spec type `datastore`). */
  'dataStore',
  /** A data structure (spec type `udt`), e.g. Parse JSON's `type`. */
  'dataStructure',
  /** Another scenario, called as a sub-scenario (spec type `scenario`). */
  'scenario',
  /** A Make AI agent (spec type `aiagent`). */
  'agent',
  /** A registered device of the Make mobile app (`ios:*`'s `device`; spec type `device:<kind>`). */
  'device',
] as const;

export type EnvironmentIdKind = (typeof ENVIRONMENT_ID_KINDS)[number];

/** Whether `value` names a kind of environment id. */
export function isEnvironmentIdKind(value: unknown): value is EnvironmentIdKind {
  return typeof value === 'string' && (ENVIRONMENT_ID_KINDS as readonly string[]).includes(value);
}
