// What a module maps from where: one line per mapped field ("email ← from module 1 (Webhook) `email`"), read
// from the compiled templates' references, and one short line for the fixed values (never whole JSON bodies).
import type { CompiledTemplate } from '../../iml/index.ts';
import { childPath, type CompiledValue } from '../../model/index.ts';
import type { ExplainContext } from './context.ts';
import { briefValue, isBlank, isRecord, joinWords, shorten } from './text.ts';

/** A leaf of a mapper: a template, a template that did not compile, or a fixed JSON value. */
type Leaf =
  | { readonly kind: 'template'; readonly field: string; readonly template: CompiledTemplate }
  | { readonly kind: 'invalid'; readonly field: string; readonly source: string }
  | { readonly kind: 'literal'; readonly field: string; readonly value: unknown };

/** Most paths per referenced module, sources per field and fixed values per line shown before counting the rest. */
const MAX_PATHS = 4;
const MAX_SOURCES = 5;
const MAX_FIXED = 8;
const MAX_FUNCTIONS = 4;

/** Field names relative to the mapper: `url`, `record.fldX`, `headers[0].value`, `["Full name"]`. */
function fieldName(parent: string, key: string | number): string {
  return childPath(parent, key).replace(/^\./, '');
}

/** Fixed objects are opened field by field (`record.status = "Paid"`); fixed arrays stay one brief value. */
function literalLeaves(value: unknown, field: string, out: Leaf[]): Leaf[] {
  if (!isRecord(value)) {
    if (field !== '') out.push({ kind: 'literal', field, value });
    return out;
  }
  for (const [key, item] of Object.entries(value)) literalLeaves(item, fieldName(field, key), out);
  return out;
}

/** Flattens a compiled value into its leaves, in document order. */
function leaves(value: CompiledValue, field: string, out: Leaf[]): Leaf[] {
  switch (value.kind) {
    case 'literal':
      return literalLeaves(value.value, field, out);
    case 'template':
      out.push({ kind: 'template', field, template: value.template });
      return out;
    case 'invalid':
      out.push({ kind: 'invalid', field, source: value.source });
      return out;
    case 'array':
      value.items.forEach((item, index) => leaves(item, fieldName(field, index), out));
      return out;
    case 'object':
      for (const [key, item] of value.entries) leaves(item, fieldName(field, key), out);
      return out;
  }
}

/** Scenario variables a template reads (`var.input.x`), which have no module id. */
function variablesOf(template: CompiledTemplate): string[] {
  if (!template.roots.some((root) => root.name === 'var')) return [];
  const found = template.source.matchAll(/\bvar\.(input|scenario|organization)\.(`[^`]+`|[A-Za-z_$][\w$]*)/g);
  return [...new Set([...found].map(([, scope, name = '']) => (scope === 'input' ? `scenario input \`${name.replace(/`/g, '')}\`` : `\`var.${scope}.${name}\``)))];
}

/** "from module 3 (Parse JSON) `data.items` and `count`, module 1 (Webhook) `email`", in order of first use. */
export function describeSources(template: CompiledTemplate, ctx: ExplainContext): string | undefined {
  const byModule = new Map<number, string[]>();
  for (const reference of template.references) {
    const paths = byModule.get(reference.moduleId) ?? [];
    const path = reference.path.length === 0 ? 'the whole bundle' : `\`${reference.path.join('.')}\``;
    if (!paths.includes(path)) paths.push(path);
    byModule.set(reference.moduleId, paths);
  }
  const parts = [...byModule].map(([id, paths]) => `module ${id} (${ctx.moduleName(id)}) ${joinWords(paths, MAX_PATHS)}`);
  parts.push(...variablesOf(template));
  if (parts.length === 0) return undefined;
  if (parts.length > MAX_SOURCES) parts.splice(MAX_SOURCES, parts.length, `${parts.length - MAX_SOURCES} more sources`);
  const functions = [...new Set(template.functions)];
  const via = functions.length > 0 ? ` via ${joinWords(functions, MAX_FUNCTIONS)}` : '';
  return `from ${parts.join(', ')}${via}`;
}

/** One line for a mapped field: its sources, or the expression itself when it reads no module. */
function templateLine(field: string, template: CompiledTemplate, ctx: ExplainContext): string {
  return `- ${field} ← ${describeSources(template, ctx) ?? shorten(template.source)}`;
}

/**
 * Lines for a compiled mapper. `skip` names top-level fields another line already explains (an iterator's
 * `array`). Blank fixed values (`""`, `[]`, `null`) are left out: Make's forms write every empty field.
 */
export function describeMapping(value: CompiledValue, ctx: ExplainContext, skip: readonly string[] = []): string[] {
  const all = leaves(value, '', []).filter((leaf) => !skip.some((name) => leaf.field === name || leaf.field.startsWith(`${name}.`) || leaf.field.startsWith(`${name}[`)));
  const lines: string[] = [];
  const fixed: string[] = [];
  for (const leaf of all) {
    if (leaf.kind === 'template') lines.push(templateLine(leaf.field, leaf.template, ctx));
    else if (leaf.kind === 'invalid') lines.push(`- ${leaf.field} ← ${shorten(leaf.source)} (does not compile)`);
    else if (!isBlank(leaf.value)) fixed.push(`${leaf.field} = ${briefValue(leaf.value)}`);
  }
  if (fixed.length > 0) lines.push(`- fixed: ${fixed.length > MAX_FIXED ? `${fixed.slice(0, MAX_FIXED).join(', ')} and ${fixed.length - MAX_FIXED} more` : fixed.join(', ')}`);
  return lines;
}
