// LINT_PLACEHOLDER_VALUE: values left for someone to fill in (`YOUR_API_KEY`, `<CONNECTION_ID>`, `{{YOUR_APIFY_TOKEN}}`,
// `REPLACE_ME`, `xxx`, `TODO`) in parameters or mappings. Make sends them as they are, and an IML word such as
// `{{YOUR_TOKEN}}` maps to an empty value (BLUEPRINT.md §12).
import { fieldsOf, type ModuleNode } from '../../model/index.ts';
import { literalParts, moduleTextFields } from './field-text.ts';
import { defineLintRule, moduleName, type LintFinding } from './lint-context.ts';
import { findPlaceholders, isPlaceholderWord } from './placeholder-patterns.ts';

interface Hit {
  readonly text: string;
  readonly position: number;
}

/** Placeholders per field path, literal text and IML words together, in field order. */
function placeholdersOf(node: ModuleNode): Map<string, Hit[]> {
  const byPath = new Map<string, Hit[]>();
  const add = (path: string, hit: Hit) => byPath.set(path, [...(byPath.get(path) ?? []), hit]);
  for (const field of moduleTextFields(node)) {
    for (const found of findPlaceholders(literalParts(field.text))) add(field.path, { text: found.match[0], position: found.position });
  }
  for (const value of [node.compiled.parameters, node.compiled.mapper]) {
    for (const field of fieldsOf(value)) {
      if (field.kind !== 'template') continue;
      for (const root of field.template.roots) if (isPlaceholderWord(root.name)) add(field.path, { text: `{{${root.name}}}`, position: root.position });
    }
  }
  for (const hits of byPath.values()) hits.sort((a, b) => a.position - b.position);
  return byPath;
}

export const placeholderValue = defineLintRule({
  code: 'LINT_PLACEHOLDER_VALUE',
  title: 'Placeholder value left in the blueprint',
  fix: 'Replace the placeholder with the real value or a mapping; for credentials use a connection or keychain.',
  run(ctx) {
    const out: LintFinding[] = [];
    for (const node of ctx.executed) {
      for (const [path, hits] of placeholdersOf(node)) {
        const first = hits[0] as Hit;
        const names = [...new Set(hits.map((hit) => `'${hit.text}'`))];
        const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
        const where = `${path.slice(node.path.length + 1)}${hits.length === 1 ? ` at position ${first.position}` : ''}`;
        const iml = hits.some((hit) => hit.text.startsWith('{{')) ? '; an IML word like this is no module reference and maps to an empty value' : '';
        out.push({
          message: `${moduleName(node)} still has the placeholder${names.length === 1 ? '' : 's'} ${shown} in ${where}: ${names.length === 1 ? 'it was' : 'they were'} never replaced with a real value${iml}.`,
          moduleId: node.id,
          path,
          position: first.position,
        });
      }
    }
    return out;
  },
});
