// LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE: a Webhook response inside an iterator's span (no aggregator of
// that iterator between them) runs once per item; the caller receives the first response and the others are lost
// (SEMANTICS.md rules 61, 99; Make Help Center "Webhooks", "Iterator", "Aggregator").
import { walkIteratorSpans } from './iterator-spans.ts';
import { defineLintRule, moduleName, type LintFinding } from './lint-context.ts';

export const iteratorWithoutAggregatorBeforeResponse = defineLintRule({
  code: 'LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE',
  title: 'Webhook response inside an iterator span',
  fix: "Put an aggregator whose source is the iterator before the Webhook response, and answer once with the aggregated result.",
  run(ctx) {
    const out: LintFinding[] = [];
    walkIteratorSpans(ctx.model.flow, (node, open) => {
      const iterator = open[open.length - 1];
      if (node.type !== 'gateway:WebhookRespond' || iterator === undefined) return;
      out.push({
        message: `Webhook response ${node.id ?? node.path} runs once per bundle of ${moduleName(iterator)}, which no aggregator closes before it: the caller gets the response of the first bundle only, and the later responses are lost.`,
        moduleId: node.id,
        path: node.path,
      });
    });
    return out;
  },
});
