// The port through which the executor finds module declarations, keyed by `app:Module` and version (STYLE.md rule 15).
import type { ModuleDefinition } from './module-api.ts';

export interface ModuleRegistry {
  /** The declaration for this type and version, or undefined. */
  lookup(type: string, version: number | undefined): ModuleDefinition | undefined;
  /** Versions declared for a type (empty when Remake does not know the module). */
  versions(type: string): readonly number[];
}
