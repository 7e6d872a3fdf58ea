// Date and time functions (help.make.com/date-and-time-functions), in the scenario time zone.
import { ownValue } from '../../shared/own-value.ts';
import { isEmpty, toDate, toNumber, toText } from '../coerce.ts';
import { formatInZone, inZone, parseWithFormat, resolveZone, type Moment } from '../dates.ts';
import type { EvalContext, ImlValue } from '../types.ts';
import { date, invalid, number } from './args.ts';
import { defineFunction, HELP, type ImlFunction } from './define.ts';

const BASE = '2016-12-08T15:55:57.536Z';

type AddUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'months' | 'years';

/** addX(date; n): calendar units keep the wall-clock time in the scenario zone (moment semantics). */
function adder(name: string, unit: AddUnit, result: string): ImlFunction {
  return defineFunction({
    name,
    family: 'date',
    signature: `${name}(date; number)`,
    description: `Adds the number of ${unit} to the date; a negative number subtracts.`,
    example: { expr: `{{${name}("${BASE}"; 2)}}`, context: { timezone: 'UTC' }, result },
    docUrl: HELP.date,
    minArgs: 2,
    maxArgs: 2,
    run: (args, ctx) => {
      const value = date(args, 0, ctx);
      if (!value) return undefined;
      const result = inZone(value, ctx.timezone).add(number(args, 1, name), unit).toDate();
      // Past year ±275760 the Date is invalid (moment's isValid() can miss it); dates in IML are valid or empty.
      if (Number.isNaN(result.getTime())) throw invalid(`${name}() result is outside the supported date range.`);
      return result;
    },
  });
}

/** setX(date; n): sets one field in the scenario zone; out-of-range values roll over (moment semantics). */
function setter(name: string, description: string, example: { expr: string; result: string }, apply: (m: Moment, value: ImlValue) => Moment): ImlFunction {
  return defineFunction({
    name,
    family: 'date',
    signature: `${name}(date; number)`,
    description,
    example: { ...example, context: { timezone: 'UTC' } },
    docUrl: HELP.date,
    minArgs: 2,
    maxArgs: 2,
    run: (args, ctx) => {
      const value = date(args, 0, ctx);
      if (!value) return undefined;
      const m = apply(inZone(value, ctx.timezone), args[1]);
      if (!m.isValid()) throw invalid(`${name}() cannot set '${toText(args[1])}'.`);
      return m.toDate();
    },
  });
}

/** A number or a name (English, any case) for setDay / setMonth. */
function numberOrName(value: ImlValue, fn: string): number | string {
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  if (typeof value === 'string') return value.trim();
  const n = toNumber(value);
  if (n === undefined) throw invalid(`${fn}() needs a number or a name.`);
  return n;
}

function setDay(m: Moment, value: ImlValue): Moment {
  const day = numberOrName(value, 'setDay');
  // Make counts Sunday as 1 (help.make.com/date-and-time-functions); moment counts it as 0.
  return typeof day === 'number' ? m.day(day - 1) : m.day(day);
}

function setMonth(m: Moment, value: ImlValue): Moment {
  const month = numberOrName(value, 'setMonth');
  return typeof month === 'number' ? m.month(month - 1) : m.month(month);
}

function zoneArg(args: readonly ImlValue[], index: number, ctx: EvalContext): string {
  return resolveZone(isEmpty(args[index]) ? undefined : toText(args[index]), ctx.timezone);
}

type DiffUnit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds' | 'milliseconds';

const DIFF_UNITS: Record<string, DiffUnit> = {
  years: 'years', year: 'years', months: 'months', month: 'months', weeks: 'weeks', week: 'weeks', days: 'days', day: 'days',
  hours: 'hours', hour: 'hours', minutes: 'minutes', minute: 'minutes', seconds: 'seconds', second: 'seconds',
  milliseconds: 'milliseconds', millisecond: 'milliseconds',
};

export const dateFunctions: readonly ImlFunction[] = [
  defineFunction({
    name: 'formatDate',
    family: 'date',
    signature: 'formatDate(date; format; [timezone])',
    description: 'The date as text, using moment-style tokens, in the given IANA time zone or the scenario time zone.',
    example: { expr: '{{formatDate("2018-10-01T07:32:00.000Z"; "YYYY-MM-DD hh:mm A")}}', context: { timezone: 'Europe/Prague' }, result: '2018-10-01 09:32 AM' },
    docUrl: HELP.date,
    minArgs: 2,
    maxArgs: 3,
    run: (args, ctx) => {
      const value = date(args, 0, ctx);
      if (!value) return undefined;
      return formatInZone(value, toText(args[1]), zoneArg(args, 2, ctx));
    },
  }),
  defineFunction({
    name: 'parseDate',
    family: 'date',
    signature: 'parseDate(text; format; [timezone])',
    description: 'Reads a date from text using moment-style tokens; text without an offset is read in the time zone given or the scenario time zone.',
    example: { expr: '{{parseDate("2016-12-28 16:03"; "YYYY-MM-DD HH:mm")}}', context: { timezone: 'UTC' }, result: '2016-12-28T16:03:00.000Z' },
    docUrl: HELP.date,
    minArgs: 2,
    maxArgs: 3,
    run: (args, ctx) => {
      if (isEmpty(args[0])) return undefined;
      if (args[0] instanceof Date) return args[0];
      const input = toText(args[0]);
      const format = toText(args[1]);
      // Without a format, read the text as Make coerces text to a date (moment would fall back to new Date()).
      if (format === '') return toDate(input, zoneArg(args, 2, ctx));
      const parsed = parseWithFormat(input, format, zoneArg(args, 2, ctx));
      if (!parsed) throw invalid(`parseDate() cannot read '${input}' with the format '${format}'.`);
      return parsed;
    },
  }),
  adder('addSeconds', 'seconds', '2016-12-08T15:55:59.536Z'),
  adder('addMinutes', 'minutes', '2016-12-08T15:57:57.536Z'),
  adder('addHours', 'hours', '2016-12-08T17:55:57.536Z'),
  adder('addDays', 'days', '2016-12-10T15:55:57.536Z'),
  adder('addMonths', 'months', '2017-02-08T15:55:57.536Z'),
  adder('addYears', 'years', '2018-12-08T15:55:57.536Z'),
  setter('setSecond', 'Sets the seconds (0-59); larger values roll into the next minute.', { expr: '{{setSecond("2015-10-07T11:36:39.138Z"; 61)}}', result: '2015-10-07T11:37:01.138Z' }, (m, v) => m.second(number([v], 0, 'setSecond'))),
  setter('setMinute', 'Sets the minutes (0-59); larger values roll into the next hour.', { expr: '{{setMinute("2015-10-07T11:36:39.138Z"; 10)}}', result: '2015-10-07T11:10:39.138Z' }, (m, v) => m.minute(number([v], 0, 'setMinute'))),
  setter('setHour', 'Sets the hour (0-23); values outside roll into the neighbouring day.', { expr: '{{setHour("2015-08-07T11:36:39.138Z"; 6)}}', result: '2015-08-07T06:36:39.138Z' }, (m, v) => m.hour(number([v], 0, 'setHour'))),
  setter('setDay', 'Sets the day of the week: 1 (Sunday) to 7 (Saturday) or an English day name.', { expr: '{{setDay("2018-06-27T11:36:39.138Z"; "monday")}}', result: '2018-06-25T11:36:39.138Z' }, setDay),
  setter('setDate', 'Sets the day of the month (1-31); larger values roll into the next month.', { expr: '{{setDate("2015-08-07T11:36:39.138Z"; 32)}}', result: '2015-09-01T11:36:39.138Z' }, (m, v) => m.date(number([v], 0, 'setDate'))),
  setter('setMonth', 'Sets the month: 1 to 12 or an English month name; larger values roll into the next year.', { expr: '{{setMonth("2015-08-07T11:36:39.138Z"; 17)}}', result: '2016-05-07T11:36:39.138Z' }, setMonth),
  setter('setYear', 'Sets the year.', { expr: '{{setYear("2015-08-07T11:36:39.138Z"; 2017)}}', result: '2017-08-07T11:36:39.138Z' }, (m, v) => m.year(number([v], 0, 'setYear'))),
  defineFunction({
    name: 'dateDiff',
    family: 'date',
    signature: 'dateDiff(date1; date2; [unit])',
    description: 'date1 minus date2 in whole units (years, months, weeks, days, hours, minutes, seconds, milliseconds). Not in Make\'s help pages; palette only.',
    example: { expr: '{{dateDiff("2024-01-03T00:00:00Z"; "2024-01-01T00:00:00Z"; "days")}}', context: { timezone: 'UTC' }, result: 2 },
    minArgs: 2,
    maxArgs: 3,
    run: (args, ctx) => {
      const first = date(args, 0, ctx);
      const second = date(args, 1, ctx);
      if (!first || !second) return undefined;
      const unitName = isEmpty(args[2]) ? 'milliseconds' : toText(args[2]).toLowerCase();
      const unit = ownValue(DIFF_UNITS, unitName);
      if (!unit) throw invalid(`dateDiff() does not know the unit '${unitName}'. Use ${Object.keys(DIFF_UNITS).filter((u) => u.endsWith('s')).join(', ')}.`);
      return inZone(first, ctx.timezone).diff(inZone(second, ctx.timezone), unit);
    },
  }),
];
