// MCP tool `lint_blueprint`: best-practice findings (warnings with a fix each), in the shape of validate.
import { z } from 'zod';
import { hasErrors, inDocumentOrder, lintBlueprint } from '../../blueprint/index.ts';
import { BlueprintArg, parseBlueprintArg } from '../blueprint-arg.ts';
import { defineTool } from '../define-tool.ts';
import { summarizeDiagnostics } from '../summarize-diagnostics.ts';

/** `lint_blueprint {blueprint}` → `{ok, diagnostics}`; ok is false only when the blueprint cannot be imported. */
export const lintTool = defineTool({
  name: 'lint_blueprint',
  title: "Lint a Make blueprint against Make's guidance",
  description:
    'Best-practice warnings for a Make blueprint, each with a one-line fix: HTTP calls without an error handler, writes with incomplete executions off, routers without a fallback, secrets or placeholders typed into mappings, and more. ' +
    'Returns {ok, diagnostics} like validate_blueprint; ok is false only when the blueprint cannot be read at all.',
  input: z.object({ blueprint: BlueprintArg }),
  run({ blueprint }) {
    const parsed = parseBlueprintArg(blueprint);
    const diagnostics = parsed.ok ? inDocumentOrder(lintBlueprint(parsed.json).diagnostics) : [parsed.diagnostic];
    const ok = !hasErrors(diagnostics);
    return { summary: summarizeDiagnostics(ok, diagnostics), data: { ok, diagnostics } };
  },
});
