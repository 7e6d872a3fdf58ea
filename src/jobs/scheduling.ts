// Make's scenario scheduling object (MAKE-API.md "Scheduling object", @makehq/sdk `Scheduling`) as a zod schema,
// and its parser: one variant per `type`, extra keys Make sends kept as they are.
import moment from 'moment-timezone';
import { z } from 'zod';
import { RemakeError } from '../shared/errors.ts';

/** Every `type` Make's API accepts (@makehq/sdk 1.6 `Scheduling.type`). */
export const SCHEDULING_TYPES = ['immediately', 'indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'on-demand'] as const;
/** One of Make's scheduling types. */
export type SchedulingType = (typeof SCHEDULING_TYPES)[number];

/** Make's smallest regular interval, in seconds (@makehq/sdk tool schema: `interval` minimum 60). */
export const MIN_INTERVAL_SECONDS = 60;

const TIME_OF_DAY = /^([01]?\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an ISO 8601 date or date-time, with or without an offset. */
function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && moment(text, moment.ISO_8601, true).isValid();
}

const timeOfDay = z.string().regex(TIME_OF_DAY, { error: 'must be a time of day "HH:mm" between 00:00 and 23:59' });
// A window may end at "24:00", the end of the day.
const windowEnd = z.string().refine((text) => text === '24:00' || TIME_OF_DAY.test(text), { error: 'must be a time of day "HH:mm" between 00:00 and 24:00' });
const isoDate = z.string().refine(isIsoDate, { error: 'must be an ISO 8601 date or date-time, such as "2025-03-30T09:00:00+02:00"' });
const weekday = z.number().int().min(0, { error: 'must be a weekday from 0 (Sunday) to 6 (Saturday)' }).max(6, { error: 'must be a weekday from 0 (Sunday) to 6 (Saturday)' });
const monthDay = z.number().int().min(1, { error: 'must be a day of the month from 1 to 31' }).max(31, { error: 'must be a day of the month from 1 to 31' });
const month = z.number().int().min(1, { error: 'must be a month from 1 (January) to 12 (December)' }).max(12, { error: 'must be a month from 1 (January) to 12 (December)' });

/** One advanced-scheduling window: the scenario may run only on these weekdays, in these months, between these times. */
export const RestrictWindowSchema = z.looseObject({
  days: z.array(weekday).optional(),
  months: z.array(month).optional(),
  time: z.tuple([timeOfDay, windowEnd], { error: 'must be a pair of times ["HH:mm", "HH:mm"]' }).optional(),
});
/** A checked `restrict` window. */
export type RestrictWindow = z.infer<typeof RestrictWindowSchema>;

/** Instant of a bound for the order check; a bound without an offset is read as UTC here (the zone is not known yet). */
function boundMs(text: string | null | undefined): number | undefined {
  return typeof text === 'string' ? moment.parseZone(text, moment.ISO_8601).valueOf() : undefined;
}

const between = z
  .array(isoDate.nullable())
  .max(2, { error: 'must be a pair [start, end]' })
  .refine(
    ([from, to]) => {
      const start = boundMs(from);
      const end = boundMs(to);
      return start === undefined || end === undefined || start <= end;
    },
    { error: 'must not end before it starts' },
  );

/** Fields every type may carry: Make's Start/End dates and advanced time windows. */
const limits = {
  between: between.optional(),
  restrict: z.array(RestrictWindowSchema).optional(),
};

const atLeastOne = <T extends z.ZodType>(item: T, what: string) => z.array(item).min(1, { error: `must list at least one ${what}` });

/** Make's scheduling object, one variant per `type`; unknown keys are kept. */
export const SchedulingSchema = z.discriminatedUnion(
  'type',
  [
    z.looseObject({ type: z.literal('immediately'), ...limits }),
    z.looseObject({ type: z.literal('on-demand'), ...limits }),
    z.looseObject({
      type: z.literal('indefinitely'),
      /** Seconds between runs; Make's default is 15 minutes when absent. */
      interval: z
        .number({ error: 'must be a number of seconds' })
        .int({ error: 'must be a whole number of seconds' })
        .min(MIN_INTERVAL_SECONDS, { error: (issue) => `must be at least ${MIN_INTERVAL_SECONDS} seconds, Make's minimum for regular intervals (got ${String(issue.input)})` })
        .optional(),
      ...limits,
    }),
    z.looseObject({ type: z.literal('once'), date: isoDate, ...limits }),
    z.looseObject({ type: z.literal('daily'), time: timeOfDay, ...limits }),
    z.looseObject({ type: z.literal('weekly'), days: atLeastOne(weekday, 'weekday'), time: timeOfDay, ...limits }),
    z.looseObject({ type: z.literal('monthly'), days: atLeastOne(monthDay, 'day of the month'), time: timeOfDay, ...limits }),
    z.looseObject({ type: z.literal('yearly'), months: atLeastOne(month, 'month'), days: atLeastOne(monthDay, 'day of the month'), time: timeOfDay, ...limits }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${SCHEDULING_TYPES.map((type) => `"${type}"`).join(', ')}` : undefined) },
);

/** A checked scheduling object. */
export type Scheduling = z.infer<typeof SchedulingSchema>;

/** `scheduling.restrict[0].time[1]` from a zod issue path. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), 'scheduling');
}

/**
 * Checks a scheduling object as Make's API takes it.
 * @throws RemakeError `SCHEDULING_INVALID` naming each wrong field (`scheduling.interval: must be at least 60 seconds…`).
 */
export function parseScheduling(value: unknown): Scheduling {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RemakeError('SCHEDULING_INVALID', 'The scheduling must be an object such as {"type": "on-demand"}.', { field: 'scheduling' });
  }
  const parsed = SchedulingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  // An unknown type fails the whole union; name the field that decides it.
  const paths = issues.map((issue) => (issue.code === 'invalid_union' && issue.path.length === 0 ? ['type'] : issue.path));
  const lines = issues.map((issue, index) => `${fieldPath(paths[index] ?? [])}: ${issue.message}`);
  throw new RemakeError('SCHEDULING_INVALID', `Invalid scheduling: ${lines.join('; ')}.`, { field: fieldPath(paths[0] ?? []) });
}
