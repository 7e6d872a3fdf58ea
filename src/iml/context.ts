// Builds an evaluation context from the JSON form that `remake eval --context` and the IML vectors use.
import { z } from 'zod';
import { systemRandom, type RandomSource } from '../shared/random.ts';
import { isKnownZone } from './dates.ts';
import { RemakeError } from '../shared/errors.ts';
import type { EvalContext } from './types.ts';

/** `{"<moduleId>": {bundle}, "now": "<iso>", "timezone": "<iana>", "var": {...}, "executionId": "..."}` */
export const ContextJsonSchema = z
  .object({
    now: z.iso.datetime({ offset: true, local: true }).or(z.iso.date()).optional(),
    timezone: z.string().optional(),
    executionId: z.string().optional(),
    var: z.record(z.string(), z.unknown()).optional(),
  })
  .catchall(z.unknown());
export type ContextJson = z.infer<typeof ContextJsonSchema>;

export interface ContextOptions {
  /** Overrides `now` of the JSON. */
  readonly now?: Date;
  /** Overrides `timezone` of the JSON. */
  readonly timezone?: string;
  readonly random?: RandomSource;
  /** Extra named roots (app IML: `parameters`, `body`, …). */
  readonly roots?: Record<string, unknown>;
  /** Clock used when neither the JSON nor the options fix `now`. */
  readonly clock?: () => Date;
}

/** Parses and checks the context JSON; throws RemakeError CONTEXT_INVALID naming the field. */
export function parseContextJson(value: unknown): ContextJson {
  const parsed = ContextJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'context';
    throw new RemakeError('CONTEXT_INVALID', `Invalid evaluation context at '${where}': ${issue?.message ?? 'not an object'}.`);
  }
  return parsed.data;
}

export function createEvalContext(json: ContextJson = {}, options: ContextOptions = {}): EvalContext {
  const timezone = options.timezone ?? json.timezone ?? 'UTC';
  if (!isKnownZone(timezone)) throw new RemakeError('TIMEZONE_UNKNOWN', `Unknown time zone '${timezone}'. Use an IANA name such as Europe/Prague.`);
  const now = options.now ?? (json.now ? new Date(json.now) : (options.clock ?? (() => new Date()))());
  if (Number.isNaN(now.getTime())) throw new RemakeError('CONTEXT_INVALID', `Invalid 'now': ${String(json.now)}.`);
  const random = options.random ?? systemRandom;
  const modules = new Map<number, unknown>();
  for (const [key, bundle] of Object.entries(json)) if (/^\d+$/.test(key)) modules.set(Number(key), bundle);
  return {
    module: (id) => modules.get(id),
    roots: { ...(json.var ? { var: json.var } : {}), ...options.roots },
    now,
    timezone,
    random: random.next,
    uuid: random.uuid,
    executionId: json.executionId ?? random.uuid().replace(/-/g, ''),
  };
}
