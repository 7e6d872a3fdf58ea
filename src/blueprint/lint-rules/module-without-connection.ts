// LINT_MODULE_WITHOUT_CONNECTION: a module whose form (`metadata.parameters`) declares a required connection or keychain
// (`account:…` / `keychain:…` field, usually `__IMTCONN__`) that `parameters` leaves empty. Exports made for sharing drop
// connections; the module cannot run until one is chosen (docs/semantics.md, "Modules").
import { childPath } from '../../model/index.ts';
import { defineLintRule, moduleName, recordOf, type LintFinding } from './lint-context.ts';
import { ownValue } from '../../shared/own-value.ts';

/** Field types of Make's connection and keychain pickers (BLUEPRINT.md §8). */
const CREDENTIAL_FIELD = /^(?:account|keychain):/;

export const moduleWithoutConnection = defineLintRule({
  code: 'LINT_MODULE_WITHOUT_CONNECTION',
  title: 'Required connection or keychain not set',
  fix: 'Open the module in Make and choose a connection (or keychain) for it.',
  run(ctx) {
    const out: LintFinding[] = [];
    for (const node of ctx.executed) {
      const form = recordOf(node.metadata)?.parameters;
      if (!Array.isArray(form)) continue;
      const parameters = recordOf(node.parameters) ?? {};
      for (const spec of form) {
        const field = recordOf(spec);
        const name = field?.name;
        if (typeof name !== 'string' || field?.required !== true || typeof field.type !== 'string' || !CREDENTIAL_FIELD.test(field.type)) continue;
        const value = ownValue(parameters, name);
        if (value !== undefined && value !== null && value !== '') continue;
        const kind = field.type.startsWith('keychain:') ? 'keychain' : 'connection';
        out.push({
          message: `${moduleName(node)} has no ${kind} (parameters.${name} is ${value === undefined ? 'missing' : 'empty'}), though its form requires one; Make will not run the module until one is chosen.`,
          moduleId: node.id,
          path: childPath(childPath(node.path, 'parameters'), name),
        });
      }
    }
    return out;
  },
});
