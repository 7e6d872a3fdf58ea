// When a scenario runs next, from Make's scheduling object in the scenario's IANA time zone: calendar types through
// croner patterns, regular intervals by counting seconds, both bounded by `between` and the `restrict` windows.
import { Cron } from 'croner';
import moment from 'moment-timezone';
import { assertNever, RemakeError } from '../shared/errors.ts';
import { parseScheduling, type RestrictWindow, type Scheduling } from './scheduling.ts';

/** Seconds between runs of an `indefinitely` schedule without `interval`: Make's default of 15 minutes (help.make.com). */
export const DEFAULT_INTERVAL_SECONDS = 900;

/** A scheduling object as stored: checked again here, so an invalid one throws `SCHEDULING_INVALID`. */
export type SchedulingLike = Scheduling | (Readonly<Record<string, unknown>> & { readonly type: string });

/** Where to look from: the instant, the scenario's zone and its last scheduled run. */
export interface NextRunOptions {
  /** The result is strictly after this instant. */
  readonly after: Date;
  /** The scenario's IANA zone: calendar times, windows and offset-less dates are read in it. */
  readonly timezone: string;
  /** When the scenario last ran on its schedule; `indefinitely` counts its interval from here. */
  readonly lastRun?: Date | null;
}

/** Candidates tried before giving up on a schedule that its windows never let run. */
const MAX_STEPS = 10_000;

/** What every type shares: the zone, `between` as instants and the `restrict` windows. */
interface Limits {
  readonly timezone: string;
  readonly from: Date | undefined;
  readonly to: Date | undefined;
  readonly windows: readonly RestrictWindow[];
}

/**
 * The next time strictly after `options.after` that the scenario runs on its schedule, or `null` when it never
 * will: `immediately` and `on-demand` are not timer driven, a `once` in the past is spent, `between` has ended,
 * or no `restrict` window can ever open.
 * @throws RemakeError `SCHEDULING_INVALID` for a malformed object, `TIMEZONE_INVALID` for an unknown zone.
 */
export function nextRun(scheduling: SchedulingLike, options: NextRunOptions): Date | null {
  const schedule = parseScheduling(scheduling);
  const limits = limitsOf(schedule, options.timezone);
  const after = options.after;
  switch (schedule.type) {
    case 'immediately':
    case 'on-demand':
      return null;
    case 'once': {
      const at = toInstant(schedule.date, limits.timezone);
      return at > after && inBetween(at, limits) && isAllowed(at, limits) ? at : null;
    }
    case 'indefinitely':
      return firstAllowed(nextOnGrid((schedule.interval ?? DEFAULT_INTERVAL_SECONDS) * 1000, options.lastRun ?? after, after), limits);
    case 'daily':
      return onCalendar(pattern(schedule.time, '*', '*', '*'), after, limits);
    case 'weekly':
      return onCalendar(pattern(schedule.time, '*', '*', list(schedule.days)), after, limits);
    case 'monthly':
      return onCalendar(pattern(schedule.time, list(schedule.days), '*', '*'), after, limits);
    case 'yearly':
      return onCalendar(pattern(schedule.time, list(schedule.days), list(schedule.months), '*'), after, limits);
    default:
      return assertNever(schedule, 'scheduling type');
  }
}

function limitsOf(schedule: Scheduling, timezone: string): Limits {
  if (!isKnownZone(timezone)) {
    throw new RemakeError('TIMEZONE_INVALID', `The time zone "${timezone}" is not an IANA time zone name such as "Europe/Prague".`, { field: 'timezone' });
  }
  const [from, to] = schedule.between ?? [];
  return {
    timezone,
    from: from ? toInstant(from, timezone) : undefined,
    to: to ? toInstant(to, timezone) : undefined,
    windows: schedule.restrict ?? [],
  };
}

function isKnownZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** An ISO date or date-time; without an offset it is a wall-clock time in `timezone` (a date alone is its midnight). */
// croner finds runs but does not read such wall-clock strings; moment-timezone (as in iml/dates.ts) does.
function toInstant(text: string, timezone: string): Date {
  return moment.tz(text, moment.ISO_8601, timezone).toDate();
}

/** `between` is [start, end): a run exactly at the start counts, one exactly at the end does not. */
function inBetween(at: Date, limits: Limits): boolean {
  return (!limits.from || at >= limits.from) && (!limits.to || at < limits.to);
}

/** The first point of the grid `anchor + k·step` (k ≥ 1) strictly after `after`: missed runs are not caught up. */
function nextOnGrid(stepMs: number, anchor: Date, after: Date): Date {
  const first = anchor.getTime() + stepMs;
  if (first > after.getTime()) return new Date(first);
  return new Date(first + (Math.floor((after.getTime() - first) / stepMs) + 1) * stepMs);
}

/** The earliest instant at or after `start` inside `between` and some `restrict` window, or null. */
function firstAllowed(start: Date, limits: Limits): Date | null {
  const openings = limits.windows.flatMap((window) => windowOpenings(window, limits.timezone));
  let at = limits.from && start < limits.from ? limits.from : start;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (limits.to && at >= limits.to) return null;
    if (isAllowed(at, limits)) return at;
    // Jump to the next time a window opens; croner finds it in the zone, DST included.
    const next = openings.map((cron) => cron.nextRun(at)).filter((date): date is Date => date !== null);
    if (next.length === 0) return null;
    at = new Date(Math.min(...next.map((date) => date.getTime())));
  }
  return null;
}

/** Calendar runs from a croner pattern, skipping those outside the windows; croner applies `between` itself. */
function onCalendar(cronPattern: string, after: Date, limits: Limits): Date | null {
  const cron = new Cron(cronPattern, { timezone: limits.timezone, paused: true, startAt: limits.from, stopAt: limits.to });
  let cursor = after;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const candidate = cron.nextRun(cursor);
    if (!candidate || isAllowed(candidate, limits)) return candidate;
    cursor = candidate;
  }
  return null;
}

/** A six-field croner pattern (seconds first) at the wall-clock `time`. Days of week use 0 = Sunday, as Make does. */
function pattern(time: string, monthDays: string, months: string, weekdays: string): string {
  const [hour, minute] = clock(time);
  return `0 ${minute} ${hour} ${monthDays} ${months} ${weekdays}`;
}

function list(values: readonly number[] | undefined): string {
  return values && values.length > 0 ? [...new Set(values)].sort((a, b) => a - b).join(',') : '*';
}

function clock(time: string): [number, number] {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return [hour, minute];
}

/** Crons firing when `window` opens: at its start time, and at midnight too when it runs over midnight. */
function windowOpenings(window: RestrictWindow, timezone: string): Cron[] {
  const [start, end] = window.time ?? ['00:00', '00:00'];
  const starts = minutesOf(start) > minutesOf(end) ? [start, '00:00'] : minutesOf(start) === minutesOf(end) ? ['00:00'] : [start];
  return starts.map((time) => new Cron(pattern(time, '*', list(window.months), list(window.days)), { timezone, paused: true }));
}

function minutesOf(time: string): number {
  const [hour, minute] = clock(time);
  return hour * 60 + minute;
}

/** True when no window is set or `at`, read on the wall clock of the zone, falls inside one of them. */
function isAllowed(at: Date, limits: Limits): boolean {
  if (limits.windows.length === 0) return true;
  const local = wallClock(at, limits.timezone);
  return limits.windows.some(
    (window) =>
      (!window.days || window.days.length === 0 || window.days.includes(local.weekday)) &&
      (!window.months || window.months.length === 0 || window.months.includes(local.month)) &&
      (!window.time || inTimeRange(local.minutes, window.time)),
  );
}

/** [from, to) in minutes of the day; from > to wraps over midnight; from = to is the whole day. */
function inTimeRange(minutes: number, [from, to]: readonly [string, string]): boolean {
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (start === end) return true;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

interface WallClock {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** Minutes since midnight, seconds as a fraction. */
  readonly minutes: number;
}

function wallClock(at: Date, timezone: string): WallClock {
  const local = moment.tz(at.getTime(), timezone);
  return { weekday: local.day(), month: local.month() + 1, minutes: local.hours() * 60 + local.minutes() + local.seconds() / 60 };
}
