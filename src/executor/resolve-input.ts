// Turns a module's compiled mapper and parameters into typed input (STYLE.md rule 4): IML evaluated against
// the bundle's scope, then coerced and validated by the module's zod schemas. Modules never see IML.
import type { z } from 'zod';
import { ERASE, isEmpty, isImlError, type EvalContext } from '../iml/index.ts';
import type { CompiledValue } from '../model/index.ts';
import { MakeError } from './make-error.ts';

/** Evaluates every template inside a compiled value; `erase` becomes null (an emptied field). */
export function resolveValue(value: CompiledValue, ctx: EvalContext, moduleId: number): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'template': {
      try {
        const result = value.template.evaluate(ctx);
        return result === ERASE ? null : result;
      } catch (error) {
        // A function failing inside a mapping fails the module with Make's DataError (IML.md §F).
        if (isImlError(error)) throw new MakeError('DataError', `Module ${moduleId}, field ${value.path}: ${error.message}`, { cause: error });
        throw error;
      }
    }
    case 'invalid':
      throw new MakeError('InvalidConfigurationError', `Module ${moduleId}, field ${value.path}: ${value.error.message}`);
    case 'array':
      return value.items.map((item) => resolveValue(item, ctx, moduleId));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of value.entries) out[key] = resolveValue(item, ctx, moduleId);
      return out;
    }
  }
}

/** Parses a resolved value with a module schema; a mismatch is Make's BundleValidationError naming the field. */
export function coerceInput<T>(schema: z.ZodType<T>, value: unknown, moduleId: number, part: 'mapper' | 'parameters'): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [part, ...(issue?.path ?? [])].join('.');
  // Make's wording for an empty required field (HC types-of-errors: BundleValidationError).
  if (issue?.code === 'invalid_type' && isEmpty(valueAt(value, issue.path))) throw new MakeError('BundleValidationError', `Module ${moduleId}: missing value of required parameter '${field}'.`);
  throw new MakeError('BundleValidationError', `Module ${moduleId}: invalid value in ${field}: ${issue?.message ?? 'does not match'}.`);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) current = current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  return current;
}
