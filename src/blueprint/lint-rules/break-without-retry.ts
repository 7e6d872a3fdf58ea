// LINT_BREAK_WITHOUT_RETRY: a Break directive with automatic completion off. Each failing bundle then waits as an
// incomplete execution until someone resolves it by hand (SEMANTICS.md rule 82; Make Help Center "Break error handler").
import { defineLintRule, recordOf, type LintFinding } from './lint-context.ts';

/** `retry` as Make's editor writes it when on: `true`, or once `"{{true}}"`; other IML is decided at run time. */
function retryState(value: unknown): 'on' | 'off' | 'mapped' {
  if (value === true) return 'on';
  if (typeof value !== 'string') return 'off';
  const text = value.trim();
  if (text === 'true' || text === '{{true}}') return 'on';
  return text.includes('{{') ? 'mapped' : 'off';
}

export const breakWithoutRetry = defineLintRule({
  code: 'LINT_BREAK_WITHOUT_RETRY',
  title: 'Break directive without automatic retries',
  fix: "Turn on 'Automatically complete execution' with a number of attempts and an interval, or use Ignore or Resume if the bundle may be dropped or replaced.",
  run(ctx) {
    const out: LintFinding[] = [];
    for (const node of ctx.executed) {
      if (node.type !== 'builtin:Break') continue;
      const retry = recordOf(node.mapper)?.retry;
      if (retryState(retry) !== 'off') continue;
      out.push({
        message: `Break directive ${node.id ?? node.path} does not retry (mapper.retry is ${retry === undefined ? 'missing' : JSON.stringify(retry)}): every bundle it catches stays an incomplete execution until someone resolves it by hand.`,
        moduleId: node.id,
        path: `${node.path}.mapper.retry`,
      });
    }
    return out;
  },
});
