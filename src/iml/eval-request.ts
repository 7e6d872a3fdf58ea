// One evaluation as `remake eval`, the IML vectors and the MCP `eval_iml` tool request it.
import type { RandomSource } from '../shared/random.ts';
import { createEvalContext, parseContextJson } from './context.ts';
import { compileCondition, compileFilter, type FilterConditionInput, type FilterInput } from './filter.ts';
import { toJsonValue, type JsonValue } from './json.ts';
import { compileTemplate } from './template.ts';
import { RemakeError } from '../shared/errors.ts';

export type EvalRequest = {
  /** Context JSON: `{"<moduleId>": {bundle}, "now": "<iso>", "timezone": "<iana>"}`. */
  readonly context?: unknown;
  readonly now?: Date;
  readonly timezone?: string;
  readonly random?: RandomSource;
} & ({ readonly template: string } | { readonly filter: unknown });

function isWholeFilter(value: unknown): value is FilterInput {
  return typeof value === 'object' && value !== null && Array.isArray((value as { conditions?: unknown }).conditions);
}

function isCondition(value: unknown): value is FilterConditionInput {
  return typeof value === 'object' && value !== null && typeof (value as { o?: unknown }).o === 'string';
}

/** Evaluates a template (its value as JSON) or a filter (true or false). Throws IML or context errors. */
export function evaluateRequest(request: EvalRequest): JsonValue {
  const ctx = createEvalContext(parseContextJson(request.context ?? {}), {
    ...(request.now ? { now: request.now } : {}),
    ...(request.timezone ? { timezone: request.timezone } : {}),
    ...(request.random ? { random: request.random } : {}),
  });
  if ('template' in request) return toJsonValue(compileTemplate(request.template).evaluate(ctx));
  const filter = request.filter;
  if (isWholeFilter(filter)) return compileFilter(filter)(ctx);
  if (isCondition(filter)) return compileCondition(filter).test(ctx);
  throw new RemakeError('FILTER_INVALID', 'A filter is {"a": ..., "o": "<operator>", "b": ...} or {"conditions": [[...]]}.');
}
