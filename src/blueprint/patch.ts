// `patch_blueprint`: small edits to a blueprint (add or remove a module, set a mapper field, a filter, a route,
// an error handler, a setting, the name) instead of resending it whole. All-or-nothing; the result is validated.
import { isRecord } from '../shared/is-record.ts';
import { RemakeError } from '../shared/errors.ts';
import type { Diagnostic } from './diagnostics.ts';
import { PATCH_HANDLERS, type PatchHandler } from './patch/handlers.ts';
import { PATCH_INVALID } from './patch/patch-error.ts';
import { PatchOperationSchema, type PatchOp, type PatchOperation } from './patch/operation-schema.ts';
import { validateBlueprint } from './validate.ts';

export { PatchOperationSchema, PatchOperationsSchema, type PatchOperation, type PatchOp } from './patch/operation-schema.ts';

type Json = Record<string, unknown>;

/** What patchBlueprint gives back. */
export interface PatchResult {
  /** The patched blueprint: a new object; the input is never changed. */
  readonly blueprint: Json;
  /** validateBlueprint's findings on the patched blueprint, in document order. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when the patched blueprint has no error diagnostics. */
  readonly ok: boolean;
  /** How many operations were applied (all of them: a failing operation applies none). */
  readonly applied: number;
}

const OPS = Object.keys(PATCH_HANDLERS) as PatchOp[];

/** `operations[2]`, the name an operation goes by in messages. */
const label = (index: number): string => `operations[${index}]`;

/** The operations, each checked against its schema before any applies. */
function parseOperations(operations: unknown): PatchOperation[] {
  if (!Array.isArray(operations)) throw new RemakeError(PATCH_INVALID, 'The patch operations must be a JSON array of {op, ...} objects.', { field: 'operations' });
  return operations.map((raw: unknown, index) => {
    const op = isRecord(raw) ? raw.op : undefined;
    if (typeof op !== 'string' || !(OPS as string[]).includes(op)) {
      const named = typeof op === 'string' ? `'${op}' is not an operation` : 'it has no `op`';
      throw new RemakeError(PATCH_INVALID, `${label(index)} is not valid: ${named}; use one of ${OPS.join(', ')}. No operation was applied.`, { field: label(index) });
    }
    const parsed = PatchOperationSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`));
    throw new RemakeError(PATCH_INVALID, `${label(index)} (${op}) is not valid: ${problems.join('; ')}. No operation was applied.`, { field: label(index) }, { cause: parsed.error });
  });
}

/** Runs one operation through its handler (the table is keyed by `op`, so the handler takes this operation). */
function apply(blueprint: Json, operation: PatchOperation): void {
  const handler = PATCH_HANDLERS[operation.op] as PatchHandler<PatchOp>;
  handler(blueprint, operation as never);
}

/**
 * Applies `operations` in order to a deep copy of the blueprint JSON and validates the result.
 * Throws a RemakeError `PATCH_INVALID` naming the operation (`operations[i]`) and the reason when the blueprint is
 * not an object with a `flow` array, or an operation is malformed or cannot apply; nothing is applied then.
 */
export function patchBlueprint(json: unknown, operations: unknown): PatchResult {
  if (!isRecord(json) || !Array.isArray(json.flow)) {
    throw new RemakeError(PATCH_INVALID, 'The blueprint to patch must be a JSON object with a `flow` array of modules.', { field: 'blueprint' });
  }
  const parsed = parseOperations(operations);
  // Copies, so neither the blueprint nor the modules an operation carries are shared with the caller.
  const blueprint = structuredClone(json);
  const steps = structuredClone(parsed);
  steps.forEach((operation, index) => {
    try {
      apply(blueprint, operation);
    } catch (error) {
      if (!(error instanceof RemakeError) || error.code !== PATCH_INVALID) throw error;
      const message = `${label(index)} (${operation.op}) cannot be applied: ${error.message}. No operation was applied.`;
      throw new RemakeError(PATCH_INVALID, message, { ...error.where, field: label(index) }, { cause: error });
    }
  });
  const { diagnostics, ok } = validateBlueprint(blueprint);
  return { blueprint, diagnostics, ok, applied: steps.length };
}
