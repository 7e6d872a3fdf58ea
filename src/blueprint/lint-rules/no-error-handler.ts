// LINT_NO_ERROR_HANDLER: HTTP and third-party modules without an error-handler route. Their calls leave Make and can
// fail for reasons outside the scenario (timeouts, rate limits, outages); unhandled, the run stops there
// (SEMANTICS.md §8.3; Make Help Center "Error handling").
import type { ModuleNode } from '../../model/index.ts';
import { catalogEntry, roleOf } from '../catalog.ts';
import { defineLintRule, moduleName, type LintFinding } from './lint-context.ts';

/** Make's built-in apps: they run inside Make and call no outside service (the catalog's apps plus Make's other tools). */
const BUILT_IN_APPS = new Set(['builtin', 'util', 'json', 'regexp', 'math', 'csv', 'datastore', 'gateway', 'placeholder', 'scenario-service', 'xml', 'markdown', 'archive']);

/** Calls a service outside Make: every HTTP module, and any module of an app that is not one of Make's built-in tools. */
function callsOutside(node: ModuleNode): boolean {
  if (node.app === 'http') return true;
  return node.type !== '' && catalogEntry(node.type) === undefined && !BUILT_IN_APPS.has(node.app);
}

export const noErrorHandler = defineLintRule({
  code: 'LINT_NO_ERROR_HANDLER',
  title: 'HTTP or third-party module without an error handler',
  fix: 'Add an error handler to the module: Break with automatic retries for temporary failures, Ignore or Resume when the result is optional.',
  run(ctx) {
    const out: LintFinding[] = [];
    // SEMANTICS.md rule 83: unhandled, the run fails; with storing on, most error types leave an incomplete execution.
    const outcome = ctx.model.settings.dlq ? 'for most error types it is stored as an incomplete execution, to be retried or resolved' : 'the run ends with an error';
    for (const node of ctx.executed) {
      if (node.onerror || !callsOutside(node)) continue;
      // Triggers start the run, and a module of a handler route already runs because something failed.
      const role = roleOf(node.type, node.parameters);
      if (role === 'trigger' || role === 'instant-trigger' || ctx.inHandler.has(node)) continue;
      const what = node.app === 'http' ? 'the request' : `the call to ${node.app}`;
      out.push({
        message: `${moduleName(node)} has no error handler: if ${what} fails (timeout, rate limit, outage, rejected data), the bundle goes no further and ${outcome}.`,
        moduleId: node.id,
        path: node.path,
      });
    }
    return out;
  },
});
