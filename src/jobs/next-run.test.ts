// Tests for nextRun: concrete instants for each scheduling type, across DST changes, with between and restrict windows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RemakeError } from '../shared/errors.ts';
import { nextRun, type SchedulingLike } from './next-run.ts';

const PRAGUE = 'Europe/Prague';
const NEW_YORK = 'America/New_York';

/** The next run as an ISO instant (or null), to compare with literals. */
function next(scheduling: SchedulingLike, after: string, timezone: string, lastRun?: string | null): string | null {
  const options = { after: new Date(after), timezone, lastRun: lastRun ? new Date(lastRun) : null };
  return nextRun(scheduling, options)?.toISOString() ?? null;
}

describe('nextRun: not timer driven', () => {
  it('gives null for on-demand and immediately', () => {
    assert.equal(next({ type: 'on-demand' }, '2025-06-01T00:00:00Z', PRAGUE), null);
    assert.equal(next({ type: 'immediately' }, '2025-06-01T00:00:00Z', PRAGUE), null);
  });
});

describe('nextRun: once', () => {
  it('reads a date without an offset in the scenario zone', () => {
    assert.equal(next({ type: 'once', date: '2025-06-01T10:00:00' }, '2025-05-01T00:00:00Z', PRAGUE), '2025-06-01T08:00:00.000Z');
  });

  it('keeps the offset a date carries', () => {
    assert.equal(next({ type: 'once', date: '2025-06-01T10:00:00Z' }, '2025-05-01T00:00:00Z', NEW_YORK), '2025-06-01T10:00:00.000Z');
  });

  it('moves a wall-clock time the spring change skips forward by the gap, and takes the first of a repeated one (GUESS)', () => {
    assert.equal(next({ type: 'once', date: '2025-03-30T02:30:00' }, '2025-03-01T00:00:00Z', PRAGUE), '2025-03-30T01:30:00.000Z'); // 03:30 CEST
    assert.equal(next({ type: 'once', date: '2025-10-26T02:30:00' }, '2025-03-01T00:00:00Z', PRAGUE), '2025-10-26T00:30:00.000Z'); // 02:30 CEST
  });

  it('gives null once the date has passed, and at the date itself (strictly after)', () => {
    assert.equal(next({ type: 'once', date: '2025-06-01T10:00:00Z' }, '2025-06-02T00:00:00Z', PRAGUE), null);
    assert.equal(next({ type: 'once', date: '2025-06-01T10:00:00Z' }, '2025-06-01T10:00:00Z', PRAGUE), null);
  });

  it('gives null when the date is outside between', () => {
    assert.equal(next({ type: 'once', date: '2025-06-01T10:00:00Z', between: ['2025-07-01T00:00:00Z', null] }, '2025-05-01T00:00:00Z', PRAGUE), null);
  });
});

describe('nextRun: daily', () => {
  const daily = { type: 'daily', time: '09:00' } as const;

  it('stays at 09:00 wall-clock time over the spring change in Prague', () => {
    assert.equal(next(daily, '2025-03-29T08:00:00Z', PRAGUE), '2025-03-30T07:00:00.000Z'); // 09:00 CET was the 29th, 09:00 CEST is next
    assert.equal(next(daily, '2025-03-29T07:59:59Z', PRAGUE), '2025-03-29T08:00:00.000Z');
  });

  it('stays at 09:00 wall-clock time over the autumn change in New York', () => {
    assert.equal(next(daily, '2025-11-01T13:00:00Z', NEW_YORK), '2025-11-02T14:00:00.000Z'); // 09:00 EDT, then 09:00 EST
  });

  it('runs a time that the spring change skips at the end of the gap (GUESS)', () => {
    assert.equal(next({ type: 'daily', time: '02:30' }, '2025-03-29T12:00:00Z', PRAGUE), '2025-03-30T01:00:00.000Z'); // 03:00 CEST
  });

  it('runs a time that the autumn change repeats once, at its first occurrence (GUESS)', () => {
    const early = { type: 'daily', time: '01:30' } as const;
    assert.equal(next(early, '2025-11-01T12:00:00Z', NEW_YORK), '2025-11-02T05:30:00.000Z'); // 01:30 EDT
    assert.equal(next(early, '2025-11-02T05:30:00Z', NEW_YORK), '2025-11-03T06:30:00.000Z'); // not 01:30 EST the same night
  });
});

describe('nextRun: weekly', () => {
  it('reads day 0 as Sunday', () => {
    // Wednesday 5 March 2025 → Sunday 9 March, the day New York moves to EDT.
    assert.equal(next({ type: 'weekly', days: [0], time: '10:00' }, '2025-03-05T00:00:00Z', NEW_YORK), '2025-03-09T14:00:00.000Z');
  });

  it('takes the nearest of several days', () => {
    // Friday 6 June 2025 after 09:00 → Saturday 7 June (6) before Monday (1).
    assert.equal(next({ type: 'weekly', days: [1, 6], time: '09:00' }, '2025-06-06T08:00:00Z', PRAGUE), '2025-06-07T07:00:00.000Z');
  });
});

describe('nextRun: monthly', () => {
  it('skips a month without the 31st (GUESS: as Make skips a nonexistent specified date)', () => {
    assert.equal(next({ type: 'monthly', days: [31], time: '09:00' }, '2025-04-01T00:00:00Z', PRAGUE), '2025-05-31T07:00:00.000Z');
  });

  it('runs the 30th and skips February that has neither day', () => {
    assert.equal(next({ type: 'monthly', days: [30, 31], time: '09:00' }, '2025-02-01T00:00:00Z', PRAGUE), '2025-03-30T07:00:00.000Z'); // CEST already
  });
});

describe('nextRun: yearly', () => {
  it('runs 29 February only in leap years', () => {
    assert.equal(next({ type: 'yearly', months: [2], days: [29], time: '12:00' }, '2025-01-01T00:00:00Z', 'UTC'), '2028-02-29T12:00:00.000Z');
  });

  it('gives null for a date that never exists', () => {
    assert.equal(next({ type: 'yearly', months: [2], days: [31], time: '12:00' }, '2025-01-01T00:00:00Z', 'UTC'), null);
  });
});

describe('nextRun: indefinitely', () => {
  const every15 = { type: 'indefinitely', interval: 900 } as const;

  it('counts the interval from the last run', () => {
    assert.equal(next(every15, '2025-01-10T10:05:00Z', PRAGUE, '2025-01-10T10:00:00Z'), '2025-01-10T10:15:00.000Z');
  });

  it('counts from `after` when the scenario never ran', () => {
    assert.equal(next(every15, '2025-01-10T10:05:00Z', PRAGUE), '2025-01-10T10:20:00.000Z');
  });

  it('skips runs missed while stopped and keeps the grid of the last run (GUESS)', () => {
    assert.equal(next(every15, '2025-01-10T11:07:00Z', PRAGUE, '2025-01-10T10:00:00Z'), '2025-01-10T11:15:00.000Z');
  });

  it('uses 15 minutes when the interval is missing', () => {
    assert.equal(next({ type: 'indefinitely' }, '2025-01-10T10:00:00Z', PRAGUE, '2025-01-10T10:00:00Z'), '2025-01-10T10:15:00.000Z');
  });

  it('counts elapsed seconds over a DST change (01:30 EST + 1 h = 03:30 EDT)', () => {
    assert.equal(next({ type: 'indefinitely', interval: 3600 }, '2025-03-09T06:30:00Z', NEW_YORK, '2025-03-09T06:30:00Z'), '2025-03-09T07:30:00.000Z');
  });
});

describe('nextRun: restrict windows', () => {
  const workHours = { type: 'indefinitely', interval: 600, restrict: [{ days: [1, 2, 3, 4, 5], time: ['09:00', '17:00'] }] } as const;

  it('runs on the interval inside the window', () => {
    assert.equal(next(workHours, '2025-06-06T13:00:00Z', PRAGUE, '2025-06-06T13:00:00Z'), '2025-06-06T13:10:00.000Z'); // Friday 15:10 CEST
  });

  it('moves a run after the window to when the next window opens, over the weekend', () => {
    // Friday 16:55 + 10 min = 17:05, outside → Monday 9 June 09:00 CEST.
    assert.equal(next(workHours, '2025-06-06T14:55:00Z', PRAGUE, '2025-06-06T14:55:00Z'), '2025-06-09T07:00:00.000Z');
  });

  it('treats the window end as exclusive (GUESS)', () => {
    assert.equal(next(workHours, '2025-06-06T14:50:00Z', PRAGUE, '2025-06-06T14:50:00Z'), '2025-06-09T07:00:00.000Z');
  });

  it('opens a window at its wall-clock time across the spring change', () => {
    // Friday 28 March 16:55 CET → Monday 31 March 09:00 CEST.
    assert.equal(next(workHours, '2025-03-28T15:55:00Z', PRAGUE, '2025-03-28T15:55:00Z'), '2025-03-31T07:00:00.000Z');
  });

  it('runs a window over midnight from its start to its end next morning (GUESS)', () => {
    const nights = { type: 'indefinitely', interval: 3600, restrict: [{ time: ['22:00', '06:00'] }] } as const;
    assert.equal(next(nights, '2025-06-06T02:00:00Z', PRAGUE, '2025-06-06T02:00:00Z'), '2025-06-06T03:00:00.000Z'); // 05:00 CEST
    // 05:00 + 1 h = 06:00, the end of the window → 22:00 CEST the same day.
    assert.equal(next(nights, '2025-06-06T03:00:00Z', PRAGUE, '2025-06-06T03:00:00Z'), '2025-06-06T20:00:00.000Z');
  });

  it('filters calendar runs by weekday', () => {
    const weekdays = { type: 'daily', time: '09:00', restrict: [{ days: [1, 2, 3, 4, 5] }] } as const;
    assert.equal(next(weekdays, '2025-06-06T08:00:00Z', PRAGUE), '2025-06-09T07:00:00.000Z');
  });

  it('filters calendar runs by month', () => {
    assert.equal(next({ type: 'daily', time: '09:00', restrict: [{ months: [12] }] }, '2025-06-01T00:00:00Z', PRAGUE), '2025-12-01T08:00:00.000Z'); // CET
  });

  it('allows a run that any one of several windows allows', () => {
    const two = { type: 'indefinitely', interval: 3600, restrict: [{ time: ['08:00', '09:00'] }, { time: ['18:00', '19:00'] }] } as const;
    assert.equal(next(two, '2025-06-06T06:30:00Z', PRAGUE, '2025-06-06T06:30:00Z'), '2025-06-06T16:00:00.000Z'); // 09:30 → 18:00 CEST
  });
});

describe('nextRun: between', () => {
  const daily = { type: 'daily', time: '09:00', between: ['2025-07-01', '2025-07-03'] } as const;

  it('does not run before the start', () => {
    assert.equal(next(daily, '2025-06-01T00:00:00Z', PRAGUE), '2025-07-01T07:00:00.000Z');
  });

  it('does not run at or after the end (a date alone is its midnight in the zone)', () => {
    assert.equal(next(daily, '2025-07-01T07:00:00Z', PRAGUE), '2025-07-02T07:00:00.000Z');
    assert.equal(next(daily, '2025-07-02T07:00:00Z', PRAGUE), null);
  });

  it('starts an interval schedule at the start of between', () => {
    const fromJune10 = { type: 'indefinitely', interval: 900, between: ['2025-06-10T12:00:00Z', null] } as const;
    assert.equal(next(fromJune10, '2025-06-01T00:00:00Z', PRAGUE), '2025-06-10T12:00:00.000Z');
  });

  it('stops an interval schedule at the end of between', () => {
    const untilNoon = { type: 'indefinitely', interval: 900, between: [null, '2025-06-10T12:00:00Z'] } as const;
    assert.equal(next(untilNoon, '2025-06-10T11:30:00Z', PRAGUE, '2025-06-10T11:30:00Z'), '2025-06-10T11:45:00.000Z');
    assert.equal(next(untilNoon, '2025-06-10T11:45:00Z', PRAGUE, '2025-06-10T11:45:00Z'), null);
  });
});

describe('nextRun: bad input', () => {
  it('rejects an unknown time zone', () => {
    assert.throws(
      () => nextRun({ type: 'daily', time: '09:00' }, { after: new Date('2025-06-01T00:00:00Z'), timezone: 'Mars/Olympus' }),
      (error: unknown) => error instanceof RemakeError && error.code === 'TIMEZONE_INVALID' && /Mars\/Olympus/.test(error.message),
    );
  });

  it('checks a stored object again', () => {
    assert.throws(
      () => nextRun({ type: 'indefinitely', interval: 5 }, { after: new Date('2025-06-01T00:00:00Z'), timezone: PRAGUE }),
      (error: unknown) => error instanceof RemakeError && error.code === 'SCHEDULING_INVALID' && error.where.field === 'scheduling.interval',
    );
  });
});
