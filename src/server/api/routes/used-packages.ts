// The apps a blueprint uses (Make's `usedPackages`): the `app` part of every `module` in the flow, routes included.
import { isRecord } from '../../../shared/is-record.ts';

export function usedPackages(blueprint: unknown): string[] {
  const apps = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      if (typeof value.module === 'string') apps.add(value.module.split(':')[0] ?? value.module);
      for (const child of Object.values(value)) if (typeof child === 'object') visit(child);
    }
  };
  visit(isRecord(blueprint) ? blueprint.flow : undefined);
  return [...apps].sort();
}
