// Dates in a time zone: moment-timezone gives Make's own token semantics (Make's docs are moment's tables).
import moment from 'moment-timezone';

export type Moment = moment.Moment;

/** The zone to use: `requested` when it is a known IANA name, else the scenario zone (Fusion manual: unknown zones are ignored). */
export function resolveZone(requested: unknown, fallback: string): string {
  if (typeof requested === 'string' && requested !== '' && moment.tz.zone(requested)) return requested;
  return moment.tz.zone(fallback) ? fallback : 'UTC';
}

export function isKnownZone(name: string): boolean {
  return moment.tz.zone(name) !== null;
}

export function inZone(date: Date, zone: string): Moment {
  return moment.tz(date.getTime(), zone);
}

export function formatInZone(date: Date, format: string, zone: string): string {
  // moment's token pattern drops line breaks (its `.` does not match them) and throws a TypeError
  // when a format has nothing else, so such a format gives the empty text moment would keep.
  if (/^[\n\r\u2028\u2029]+$/.test(format)) return '';
  return inZone(date, zone).locale('en').format(format);
}

/**
 * Parses `text` with a moment format in `zone`, non-strict as moment is by default.
 * Returns undefined when moment finds no date.
 */
export function parseWithFormat(text: string, format: string, zone: string): Date | undefined {
  const parsed = moment.tz(text, format, 'en', zone);
  return parsed.isValid() ? parsed.toDate() : undefined;
}

/**
 * Text forms Make converts to a date when a date is expected (help.make.com/type-coercion),
 * written with one-letter tokens and expanded below to their zero-padded twins.
 */
const COERCIBLE_FORMATS = [
  'YYYY-M-D H:mm:ss [GMT]Z',
  'YYYY-M-D H:mm:ssZ',
  'YYYY-M-D H:mmZ',
  'YYYY-M-D H:mm:ss.SSS',
  'YYYY-M-D H:mm:ss',
  'YYYY-M-D h:mm A',
  'YYYY-M-D H:mm',
  'YYYY-M-D',
  'YYYY/M/D H:mm:ssZ',
  'YYYY/M/D H:mm:ss',
  'YYYY/M/D h:mm A',
  'YYYY/M/D H:mm',
  'YYYY/M/D',
  'M/D/YYYY H:mm:ssZ',
  'M/D/YYYY H:mm:ss',
  'M/D/YYYY h:mm A',
  'M/D/YYYY H:mm',
  'M/D/YYYY',
  'D.M.YYYY H:mm:ssZ',
  'D.M.YYYY H:mm:ss',
  'D.M.YYYY H:mm',
  'D.M.YYYY',
].flatMap(expandPadding);

/** Strict moment parsing takes `M` for "6" and `MM` for "06": list both spellings of each token. */
function expandPadding(format: string): string[] {
  let variants = [format];
  for (const token of ['M', 'D', 'H', 'h']) {
    const single = new RegExp(`(?<![A-Za-z])${token}(?![A-Za-z])`);
    variants = variants.flatMap((variant) => (single.test(variant) ? [variant, variant.replace(single, token + token)] : [variant]));
  }
  return variants;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** V8 rolls 2016-02-30 over to March 1st; Make (moment) rejects it, so check the day exists first. */
function isRealCalendarDay(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Converts text to a date the way Make coerces text where a date is expected; undefined when it cannot. */
export function coerceTextToDate(text: string, zone: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // Fast path for the ISO 8601 instants APIs send (with Z or ±HH:mm): the platform parser reads them exactly.
  if (ISO_INSTANT.test(trimmed) && isRealCalendarDay(trimmed)) return new Date(trimmed);
  const iso = moment.tz(trimmed, moment.ISO_8601, true, zone);
  if (iso.isValid()) return iso.toDate();
  const listed = moment.tz(trimmed, COERCIBLE_FORMATS, 'en', true, zone);
  if (listed.isValid()) return listed.toDate();
  // Dates in e-mail and HTTP headers ("Mon, 20 Jun 2016 17:26:44 +0000") reach scenarios often.
  const rfc = moment.tz(trimmed, moment.RFC_2822, 'en', true, zone);
  return rfc.isValid() ? rfc.toDate() : undefined;
}
