// Turns a module's compiled mapper and parameters into typed input (STYLE.md rule 4): IML evaluated against
// the bundle's scope, then coerced and validated by the module's zod schemas. Modules never see IML.
import type { z } from 'zod';
import { ERASE, isImlError, type EvalContext } from '../iml/index.ts';
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
  throw new MakeError('BundleValidationError', `Module ${moduleId}: invalid value in ${field}: ${issue?.message ?? 'does not match'}.`);
}
