// The port through which the executor finds module declarations, keyed by `app:Module` and version (STYLE.md rule 15).
import type { ModuleDefinition } from './module-api.ts';

export interface ModuleRegistry {
  /** The declaration for this type and version, or undefined. */
  lookup(type: string, version: number | undefined): ModuleDefinition | undefined;
  /** Versions declared for a type (empty when Remake does not know the module). */
  versions(type: string): readonly number[];
}

/** The registry as an offline run sees it: modules that talk to other machines are hidden, so they need mocks. */
export function withoutNetwork(registry: ModuleRegistry): ModuleRegistry {
  const online = (definition: ModuleDefinition | undefined): boolean => definition !== undefined && 'network' in definition && definition.network === true;
  return {
    lookup: (type, version) => {
      const definition = registry.lookup(type, version);
      return online(definition) ? undefined : definition;
    },
    versions: (type) => registry.versions(type).filter((version) => !online(registry.lookup(type, version))),
  };
}
