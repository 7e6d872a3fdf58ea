// LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE: a custom webhook whose output fields were never determined (`metadata.interface`
// missing or empty). Mappings of its payload cannot be checked, and without a data structure on the hook Make passes
// any payload on unvalidated (SEMANTICS.md rule 96; Make Help Center "Webhooks").
import { defineLintRule, recordOf, type LintFinding } from './lint-context.ts';

export const webhookWithoutDataStructure = defineLintRule({
  code: 'LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE',
  title: 'Custom webhook without a determined data structure',
  fix: "Send the webhook a sample request ('Redetermine data structure') or give it a data structure, then export the blueprint again.",
  run(ctx) {
    const out: LintFinding[] = [];
    for (const node of ctx.executed) {
      if (node.type !== 'gateway:CustomWebHook') continue;
      const fields = recordOf(node.metadata)?.interface;
      if (Array.isArray(fields) && fields.length > 0) continue;
      out.push({
        message: `Custom webhook ${node.id ?? node.path} has no data structure (metadata.interface is ${fields === undefined ? 'missing' : 'empty'}): the fields later modules map from it cannot be checked, and unless the hook has a data structure in Make, any payload is accepted.`,
        moduleId: node.id,
        path: `${node.path}.metadata.interface`,
      });
    }
    return out;
  },
});
