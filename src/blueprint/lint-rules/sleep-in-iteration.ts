// LINT_SLEEP_IN_ITERATION: a Sleep module inside an iterator's span waits once per item: it costs one operation per
// item and adds its delay each time, which adds up towards the 40-minute execution limit (SEMANTICS.md rules 25, 28, 69).
import { walkIteratorSpans } from './iterator-spans.ts';
import { defineLintRule, moduleName, recordOf, type LintFinding } from './lint-context.ts';

export const sleepInIteration = defineLintRule({
  code: 'LINT_SLEEP_IN_ITERATION',
  title: 'Sleep inside an iterator span',
  fix: 'Move the Sleep before the iterator or after its aggregator, or pace the calls another way (a batch endpoint of the service, a scheduled scenario).',
  run(ctx) {
    const out: LintFinding[] = [];
    walkIteratorSpans(ctx.model.flow, (node, open) => {
      const iterator = open[open.length - 1];
      if (node.type !== 'util:FunctionSleep' || iterator === undefined) return;
      const duration = recordOf(node.mapper)?.duration;
      const seconds = typeof duration === 'string' || typeof duration === 'number' ? ` (${String(duration)} s)` : '';
      out.push({
        message: `Sleep ${node.id ?? node.path}${seconds} runs once per bundle of ${moduleName(iterator)}: every item costs an operation and adds the delay again, which can take the run past Make's 40-minute limit.`,
        moduleId: node.id,
        path: node.path,
      });
    });
    return out;
  },
});
