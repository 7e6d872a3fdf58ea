// Tests for the scheduling object schema: what Make's API accepts is kept as given, what it rejects names the field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RemakeError } from '../shared/errors.ts';
import { parseScheduling, SCHEDULING_TYPES } from './scheduling.ts';

/** Asserts that `value` is rejected with SCHEDULING_INVALID, the field path in `where.field` and a message matching `message`. */
function rejects(value: unknown, field: string, message: RegExp): void {
  assert.throws(
    () => parseScheduling(value),
    (error: unknown) => {
      assert.ok(error instanceof RemakeError);
      assert.equal(error.code, 'SCHEDULING_INVALID');
      assert.equal(error.where.field, field);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('parseScheduling accepts', () => {
  const valid: readonly Record<string, unknown>[] = [
    { type: 'immediately' },
    { type: 'on-demand' },
    { type: 'indefinitely', interval: 900 },
    { type: 'indefinitely' },
    { type: 'once', date: '2025-06-01T10:00:00.000Z' },
    { type: 'once', date: '2025-06-01T10:00:00' },
    { type: 'daily', time: '09:00' },
    { type: 'weekly', days: [0, 6], time: '23:59' },
    { type: 'monthly', days: [1, 31], time: '00:00' },
    { type: 'yearly', months: [2], days: [29], time: '12:00' },
    { type: 'indefinitely', interval: 600, between: ['2025-01-01', null], restrict: [{ days: [1, 2, 3, 4, 5], time: ['09:00', '17:00'] }] },
    { type: 'daily', time: '06:00', restrict: [{ months: [12], time: ['22:00', '24:00'] }] },
  ];
  for (const value of valid) {
    it(`${JSON.stringify(value)} as given`, () => {
      assert.deepEqual(parseScheduling(value), value);
    });
  }

  it('every type Make lists (@makehq/sdk order)', () => {
    assert.deepEqual(SCHEDULING_TYPES, ['immediately', 'indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'on-demand']);
  });

  it('keeps the extra keys Make sends', () => {
    const value = { type: 'indefinitely', interval: 900, unknownKey: { nested: true }, restrict: [{ days: [1], note: 'kept' }] };
    assert.deepEqual(parseScheduling(value), value);
  });
});

describe('parseScheduling rejects', () => {
  it('an interval under Make minimum of 60 seconds', () => {
    rejects({ type: 'indefinitely', interval: 30 }, 'scheduling.interval', /scheduling\.interval: must be at least 60 seconds, Make's minimum for regular intervals \(got 30\)/);
  });

  it('an interval that is not a whole number of seconds', () => {
    rejects({ type: 'indefinitely', interval: 90.5 }, 'scheduling.interval', /whole number of seconds/);
    rejects({ type: 'indefinitely', interval: '900' }, 'scheduling.interval', /must be a number of seconds/);
  });

  it('an unknown or missing type', () => {
    rejects({ type: 'hourly' }, 'scheduling.type', /scheduling\.type: must be one of "immediately", "indefinitely", "once"/);
    rejects({}, 'scheduling.type', /must be one of/);
  });

  it('a value that is not an object', () => {
    rejects('on-demand', 'scheduling', /must be an object/);
    rejects(null, 'scheduling', /must be an object/);
    rejects([{ type: 'on-demand' }], 'scheduling', /must be an object/);
  });

  it('weekdays outside 0 (Sunday) to 6', () => {
    rejects({ type: 'weekly', days: [1, 7], time: '09:00' }, 'scheduling.days[1]', /scheduling\.days\[1\]: must be a weekday from 0 \(Sunday\) to 6/);
  });

  it('an empty list of days', () => {
    rejects({ type: 'weekly', days: [], time: '09:00' }, 'scheduling.days', /must list at least one weekday/);
  });

  it('days of the month outside 1 to 31 and months outside 1 to 12', () => {
    rejects({ type: 'monthly', days: [0], time: '09:00' }, 'scheduling.days[0]', /day of the month from 1 to 31/);
    rejects({ type: 'monthly', days: [32], time: '09:00' }, 'scheduling.days[0]', /day of the month from 1 to 31/);
    rejects({ type: 'yearly', months: [13], days: [1], time: '09:00' }, 'scheduling.months[0]', /month from 1 \(January\) to 12/);
  });

  it('a missing or malformed time', () => {
    rejects({ type: 'daily' }, 'scheduling.time', /scheduling\.time:/);
    rejects({ type: 'daily', time: '9:60' }, 'scheduling.time', /time of day "HH:mm"/);
    rejects({ type: 'daily', time: '24:00' }, 'scheduling.time', /time of day "HH:mm"/);
  });

  it('a once without an ISO date', () => {
    rejects({ type: 'once' }, 'scheduling.date', /scheduling\.date:/);
    rejects({ type: 'once', date: 'next Monday' }, 'scheduling.date', /ISO 8601 date/);
  });

  it('a between that ends before it starts', () => {
    rejects({ type: 'daily', time: '09:00', between: ['2025-07-03', '2025-07-01'] }, 'scheduling.between', /scheduling\.between: must not end before it starts/);
  });

  it('a restrict window with half a time range', () => {
    rejects({ type: 'indefinitely', restrict: [{ time: ['09:00'] }] }, 'scheduling.restrict[0].time', /scheduling\.restrict\[0\]\.time: must be a pair of times/);
    rejects({ type: 'indefinitely', restrict: [{ days: [9] }] }, 'scheduling.restrict[0].days[0]', /weekday/);
  });

  it('lists every wrong field in one message', () => {
    rejects({ type: 'weekly', days: [7], time: '25:00' }, 'scheduling.days[0]', /scheduling\.days\[0\]: .*; scheduling\.time: /);
  });
});
