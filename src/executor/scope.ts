// The mapping scope of one bundle: the output bundles of the modules on the path that led to it
// (SEMANTICS.md rule 39). An immutable linked list, so every branch of the flow shares its ancestors' entries.
import type { Bundle } from './module-api.ts';

export interface Scope {
  readonly moduleId: number;
  readonly bundle: unknown;
  readonly parent: Scope | undefined;
}

export const EMPTY_SCOPE: Scope | undefined = undefined;

/** A scope with `moduleId`'s bundle added (shadowing an earlier bundle of the same module). */
export function withBundle(scope: Scope | undefined, moduleId: number, bundle: unknown): Scope {
  return { moduleId, bundle, parent: scope };
}

/** The bundle of `moduleId` visible in `scope`, or undefined when that module is not on the path. */
export function bundleOf(scope: Scope | undefined, moduleId: number): unknown {
  for (let entry = scope; entry; entry = entry.parent) if (entry.moduleId === moduleId) return entry.bundle;
  return undefined;
}

/** The scope as a plain object `{moduleId: bundle}` (nearest entry wins), for incomplete executions. */
export function scopeToRecord(scope: Scope | undefined): Record<string, Bundle> {
  const out: Record<string, Bundle> = {};
  for (let entry = scope; entry; entry = entry.parent) if (!(entry.moduleId in out)) out[entry.moduleId] = entry.bundle as Bundle;
  return out;
}

/** Rebuilds a scope from its plain form (oldest first, in key order). */
export function scopeFromRecord(record: Readonly<Record<string, unknown>>): Scope | undefined {
  let scope: Scope | undefined;
  for (const [id, bundle] of Object.entries(record)) scope = withBundle(scope, Number(id), bundle);
  return scope;
}
