// Every mapping and filter compiled at import: syntax errors, unknown functions and unknown filter operators,
// each with the module, the field's JSON path and the 1-based character position in the field.
import type { CompiledTemplate } from '../../iml/index.ts';
import { fieldsOf, type CompiledFilter, type ModuleNode } from '../../model/index.ts';
import { DIAGNOSTIC_SEVERITY, diagnostic, type DiagnosticCode } from '../diagnostics.ts';
import type { Check, CheckContext } from './check-context.ts';

function codeOf(code: string): DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_SEVERITY, code) ? (code as DiagnosticCode) : 'IML_SYNTAX';
}

/** Bare words a scenario mapping may use as values: only `var` (scenario inputs and variables). */
const SCENARIO_ROOTS = new Set(['var']);

/** A bare word such as `{{API_KEY}}` is no reference Make knows: it maps to nothing. Usually a placeholder left in. */
function reportUnknownWords(ctx: CheckContext, node: ModuleNode, path: string, template: CompiledTemplate): void {
  for (const root of template.roots) {
    if (SCENARIO_ROOTS.has(root.name)) continue;
    ctx.report(
      diagnostic(
        'IML_UNKNOWN_VARIABLE',
        `'${root.name}' at position ${root.position} is not a module reference, keyword or function, so it maps to an empty value; map a module's output ({{1.field}}), a scenario input ({{var.input.name}}), or write the value itself.`,
        { moduleId: node.id, path, position: root.position },
      ),
    );
  }
}

function reportFilter(ctx: CheckContext, node: ModuleNode, filter: CompiledFilter | undefined): void {
  for (const group of filter?.groups ?? []) {
    for (const condition of group) {
      if (condition.a) reportUnknownWords(ctx, node, `${condition.path}.a`, condition.a);
      if (condition.b) reportUnknownWords(ctx, node, `${condition.path}.b`, condition.b);
    }
  }
  for (const problem of filter?.problems ?? []) {
    ctx.report(diagnostic(codeOf(problem.error.code), problem.error.message, { moduleId: node.id, path: problem.path, position: problem.error.where.position }));
  }
}

export const checkTemplates: Check = (ctx) => {
  for (const node of ctx.modules) {
    for (const value of [node.compiled.parameters, node.compiled.mapper, node.compiled.flags]) {
      for (const field of fieldsOf(value)) {
        if (field.kind === 'template') {
          reportUnknownWords(ctx, node, field.path, field.template);
          continue;
        }
        ctx.report(diagnostic(codeOf(field.error.code), field.error.message, { moduleId: node.id, path: field.path, position: field.error.where.position }));
      }
    }
    reportFilter(ctx, node, node.compiledFilter);
    for (const branch of node.branches ?? []) reportFilter(ctx, node, branch.condition);
  }
};
