// The custom webhook's access checks, read from the hook's `data`: API keys in the `x-make-apikey` header and the
// IP restriction list. Each returns the HTTP refusal to send, or null to let the call through.
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

/** Why a call was refused, with the status the HTTP layer answers. */
export interface HookRefusal {
  readonly status: 401 | 403;
  readonly message: string;
}

/** The header Make reads a webhook's API key from (HC apps.make.com/gateway). */
export const API_KEY_HEADER = 'x-make-apikey';

/**
 * The API keys a hook accepts, from `data.apiKeys` (GUESS: Make keeps keychain references whose field name is not
 * public). A string is one key; non-text entries never match. `configured` is false when the hook has no key list.
 */
function apiKeysOf(data: Readonly<Record<string, unknown>>): { configured: boolean; keys: string[] } {
  const value = data.apiKeys;
  if (value === undefined || value === null) return { configured: false, keys: [] };
  if (typeof value === 'string') return { configured: value !== '', keys: value === '' ? [] : [value] };
  if (Array.isArray(value)) return { configured: value.length > 0, keys: value.filter((key): key is string => typeof key === 'string' && key !== '') };
  // Anything else is a broken configuration: refuse every call rather than leave the hook open.
  return { configured: true, keys: [] };
}

/** Compares in constant time; hashing first hides the length of the expected key. */
function sameKey(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Checks the `x-make-apikey` header (lower-case header names) against the hook's API keys: any one of them lets the
 * call in (HC: "add one or multiple API keys"). A hook without keys accepts every call. Refusal: 401 (GUESS: the
 * status is not documented).
 */
export function checkApiKey(data: Readonly<Record<string, unknown>>, headers: Readonly<Record<string, string>>): HookRefusal | null {
  const { configured, keys } = apiKeysOf(data);
  if (!configured) return null;
  const given = headers[API_KEY_HEADER];
  if (given === undefined || given === '') return { status: 401, message: `This webhook requires an API key in the ${API_KEY_HEADER} header.` };
  // Every key is compared, so the time taken does not tell which one matched.
  const matches = keys.map((key) => sameKey(given, key));
  return matches.includes(true) ? null : { status: 401, message: `The API key in the ${API_KEY_HEADER} header is not valid for this webhook.` };
}

/** A parsed IP restriction: the allowed addresses and ranges, and the entries that are neither. */
export interface IpRestriction {
  readonly allowed: BlockList;
  readonly entries: readonly string[];
  readonly invalid: readonly string[];
}

/** `::ffff:1.2.3.4` and `fe80::1%eth0` → the address BlockList compares. */
function normalizeAddress(address: string): string {
  const withoutZone = address.split('%')[0] ?? address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(withoutZone);
  return mapped?.[1] ?? withoutZone;
}

/** Adds one entry (`1.2.3.4`, `2001:db8::1`, `10.0.0.0/8`, `2001:db8::/32`); false when it is none of these. */
function addEntry(list: BlockList, entry: string): boolean {
  const slash = entry.indexOf('/');
  const address = normalizeAddress(slash < 0 ? entry : entry.slice(0, slash));
  const family = isIP(address);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (slash < 0) {
    list.addAddress(address, type);
    return true;
  }
  const prefixText = entry.slice(slash + 1);
  const prefix = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, prefix, type);
  return true;
}

/**
 * Parses Make's "IP restrictions" text: a comma-separated list of allowed IPs (FUS webhooks). Whitespace around
 * entries is ignored; IPv6 and CIDR ranges are accepted too (GUESS: Make documents single addresses only).
 */
export function parseIpRestriction(text: string): IpRestriction {
  const allowed = new BlockList();
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  const invalid = entries.filter((entry) => !addEntry(allowed, entry));
  return { allowed, entries, invalid };
}

/**
 * The option as list text; null when there is no restriction. An array of entries reads like the comma-separated
 * text; any other value is a broken option (undefined), which then refuses every call rather than leave the hook open.
 */
function restrictionText(ip: unknown): string | null | undefined {
  if (ip === null || ip === undefined) return null;
  if (typeof ip === 'string') return ip.trim() === '' ? null : ip;
  if (Array.isArray(ip)) return ip.length === 0 ? null : ip.filter((entry): entry is string => typeof entry === 'string').join(',');
  return undefined;
}

/**
 * Checks the caller's address against the hook's `ip` option (text, or an array of entries). No restriction (null,
 * empty) lets every call in.
 * A caller outside the list, or of unknown address, is refused with 403 (GUESS: the status is not documented).
 * Invalid entries match nothing, so a list of only invalid entries refuses every call.
 */
export function checkIpRestriction(ip: unknown, remoteAddress: string | undefined): HookRefusal | null {
  const text = restrictionText(ip);
  if (text === null) return null;
  const { allowed } = parseIpRestriction(text ?? '');
  const address = remoteAddress === undefined ? '' : normalizeAddress(remoteAddress);
  const family = isIP(address);
  if (family !== 0 && allowed.check(address, family === 4 ? 'ipv4' : 'ipv6')) return null;
  return { status: 403, message: `Requests from ${address === '' ? 'an unknown address' : address} are not allowed by this webhook's IP restrictions.` };
}
