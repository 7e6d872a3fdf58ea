// LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS: the scenario writes data (data store writes, HTTP POST/PUT/PATCH/DELETE)
// while storing of incomplete executions (`metadata.scenario.dlq`) is off, so a failure after a write leaves no
// execution to resume (SEMANTICS.md rule 16, §8.3; Make Help Center "Incomplete executions").
import type { ModuleNode } from '../../model/index.ts';
import { catalogEntry } from '../catalog.ts';
import { defineLintRule, recordOf } from './lint-context.ts';

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** How a module writes, in words for the message, or undefined when it only reads. */
function writeOf(node: ModuleNode): string | undefined {
  if (catalogEntry(node.type)?.writes) return node.type;
  const method = recordOf(node.mapper)?.method;
  if (node.app === 'http' && typeof method === 'string' && WRITE_METHODS.has(method.trim().toLowerCase())) return `${node.type} ${method.trim().toUpperCase()}`;
  return undefined;
}

export const writesWithoutIncompleteExecutions = defineLintRule({
  code: 'LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS',
  title: 'Writes data with incomplete executions off',
  fix: "Turn on 'Allow storing of incomplete executions' in the scenario settings (metadata.scenario.dlq: true).",
  run(ctx) {
    if (ctx.model.settings.dlq) return [];
    const writers = ctx.executed.flatMap((node) => {
      const write = writeOf(node);
      return write === undefined ? [] : [`${node.id ?? node.path} (${write})`];
    });
    if (writers.length === 0) return [];
    const list = writers.length > 5 ? `${writers.slice(0, 5).join(', ')} and ${writers.length - 5} more` : writers.join(', ');
    return [
      {
        message: `Module${writers.length === 1 ? '' : 's'} ${list} write${writers.length === 1 ? 's' : ''} data, but storing of incomplete executions is off: when a module fails, the run stops with an error and nothing is stored to finish the remaining work, so writes already made can be left without the steps that should follow them.`,
        path: 'metadata.scenario.dlq',
      },
    ];
  },
});
