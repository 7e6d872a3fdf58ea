// A mapper or parameters value with its templates compiled: the same tree as the JSON, strings replaced by
// compiled templates, so runs evaluate closures and never re-parse text (STYLE.md rule 5).
import { compileTemplate, type CompiledTemplate } from '../iml/index.ts';
import { RemakeError } from '../shared/errors.ts';

export type CompiledValue =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'template'; readonly path: string; readonly template: CompiledTemplate }
  | { readonly kind: 'invalid'; readonly path: string; readonly source: string; readonly error: RemakeError }
  | { readonly kind: 'array'; readonly items: readonly CompiledValue[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, CompiledValue])[] };

/** A field that compiled, or failed to, with its JSON path. */
export type CompiledField = Extract<CompiledValue, { kind: 'template' | 'invalid' }>;

const LITERAL_UNDEFINED: CompiledValue = { kind: 'literal', value: undefined };

/** JSON path of a key: `a.b` for plain keys, `a["x y"]` otherwise. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (path === '' && /^[A-Za-z_$][\w$]*$/.test(key)) return key;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Compiles every string holding `{{` inside `value`; other values stay literal. */
export function compileValue(value: unknown, path: string): CompiledValue {
  if (value === undefined) return LITERAL_UNDEFINED;
  if (typeof value === 'string') {
    if (!value.includes('{{')) return { kind: 'literal', value };
    try {
      return { kind: 'template', path, template: compileTemplate(value) };
    } catch (error) {
      if (error instanceof RemakeError) return { kind: 'invalid', path, source: value, error };
      throw error;
    }
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => compileValue(item, childPath(path, index)));
    return items.every((item) => item.kind === 'literal') ? { kind: 'literal', value } : { kind: 'array', items };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, compileValue(item, childPath(path, key))] as const);
    return entries.every(([, item]) => item.kind === 'literal') ? { kind: 'literal', value } : { kind: 'object', entries };
  }
  return { kind: 'literal', value };
}

/** Every template and every failed template inside a compiled value, in document order. */
export function fieldsOf(value: CompiledValue, out: CompiledField[] = []): CompiledField[] {
  switch (value.kind) {
    case 'literal':
      return out;
    case 'template':
    case 'invalid':
      out.push(value);
      return out;
    case 'array':
      for (const item of value.items) fieldsOf(item, out);
      return out;
    case 'object':
      for (const [, item] of value.entries) fieldsOf(item, out);
      return out;
  }
}
