// Module-level checks: ids present and unique, module names that exist in Make, modules a run must mock.
import { catalogEntry, REQUIRED_PARAMETERS, roleOf, unknownModuleReason } from '../catalog.ts';
import { ownValue } from '../../shared/own-value.ts';
import { diagnostic } from '../diagnostics.ts';
import type { Check } from './check-context.ts';

export const checkModules: Check = (ctx) => {
  const seen = new Map<number, string>();
  for (const node of ctx.modules) {
    const place = { moduleId: node.id, path: node.path };
    const isPlaceholder = node.type === 'placeholder:Placeholder';
    if (node.id === undefined && (node.extra.id === undefined || node.extra.id === null) && !isPlaceholder) {
      ctx.report(diagnostic('MODULE_ID_MISSING', `The ${node.type || 'module'} at ${node.path} has no id; every module needs a positive integer id that is unique in the blueprint.`, place));
    }
    if (node.id !== undefined) {
      const first = seen.get(node.id);
      if (first === undefined) seen.set(node.id, node.path);
      else ctx.report(diagnostic('MODULE_ID_DUPLICATE', `Module id ${node.id} is used twice (${first} and ${node.path}); ids must be unique in the whole blueprint, routes and handlers included.`, place));
    }
    if (node.type === '' && !Object.hasOwn(node.extra, 'module')) {
      ctx.report(diagnostic('MODULE_SHAPE', `${node.path}: the module name is missing; write it as "app:Module", e.g. "http:ActionSendData".`, place));
      continue;
    }
    if (node.type === '') continue;
    const unknown = unknownModuleReason(node.type);
    if (unknown) {
      ctx.report(diagnostic('MODULE_UNKNOWN', unknown, { ...place, path: `${node.path}.module` }));
      continue;
    }
    for (const name of ownValue(REQUIRED_PARAMETERS, node.type) ?? []) {
      const parameters = node.parameters;
      if (typeof parameters === 'object' && parameters !== null && Object.hasOwn(parameters, name)) continue;
      ctx.report(diagnostic('PARAMETER_MISSING', `${node.type} ${node.id ?? ''} has no parameters.${name}; Make's editor always sets it, and the module cannot run without it.`, { ...place, path: `${node.path}.parameters` }));
    }
    if (isPlaceholder || ctx.runnable(node.type, node.version)) continue;
    const known = catalogEntry(node.type);
    const what = known ? `${node.type} (${known.title})` : node.type;
    const role = roleOf(node.type, node.parameters);
    ctx.report(
      diagnostic(
        'MODULE_NEEDS_MOCK',
        `${what} v${node.version ?? '?'} is not run by Remake itself; \`remake run\` needs a mock for module ${node.id ?? node.path}${role === 'instant-trigger' || role === 'trigger' ? ' or a trigger input' : ''}.`,
        place,
      ),
    );
  }
};
