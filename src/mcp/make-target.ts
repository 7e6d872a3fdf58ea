// Where the Make API tools of the MCP server point (CONTRACTS.md §3): a `remake serve` (REMAKE_TARGET=local,
// REMAKE_URL) or a make.com zone (REMAKE_TARGET=eu2.make.com), with the token of MAKE_API_TOKEN or REMAKE_API_TOKEN.
import { Make } from '@makehq/sdk';
import { RemakeError } from '../shared/errors.ts';

/** The Make API the tools call. */
export interface MakeTarget {
  /** For messages: the server URL or the zone host. */
  readonly label: string;
  /** The SDK client, or null when no token is configured (the tools are listed; calling one explains what to set). */
  readonly make: Make | null;
  /** The team whose on-demand scenarios become `run_scenario_<id>` tools; null when not known (a zone without MAKE_TEAM). */
  readonly teamId: number | null;
}

/** The environment variables read here, all optional. */
export interface TargetEnv {
  readonly REMAKE_TARGET?: string | undefined;
  readonly REMAKE_URL?: string | undefined;
  readonly MAKE_API_TOKEN?: string | undefined;
  readonly REMAKE_API_TOKEN?: string | undefined;
  readonly MAKE_TEAM?: string | undefined;
}

export const DEFAULT_REMAKE_URL = 'http://127.0.0.1:8080';
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The SDK client for a Remake server at `url` (http or https, no path), or null without a token. */
function remakeClient(url: URL, token: string | undefined): Make | null {
  if (!token) return null;
  const make = new Make(token, url.host);
  make.protocol = url.protocol.slice(0, -1);
  return make;
}

/** Parses REMAKE_URL: an http(s) origin such as http://127.0.0.1:8080. */
function parseRemakeUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RemakeError('MCP_TARGET_INVALID', `REMAKE_URL '${text}' is not a URL; use the address of \`remake serve\`, such as ${DEFAULT_REMAKE_URL}.`, { field: 'REMAKE_URL' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || (url.pathname !== '/' && url.pathname !== '') || url.search !== '') {
    throw new RemakeError('MCP_TARGET_INVALID', `REMAKE_URL '${text}' must be an http or https address without a path, such as ${DEFAULT_REMAKE_URL}.`, { field: 'REMAKE_URL' });
  }
  return url;
}

function parseTeam(text: string | undefined, fallback: number | null): number | null {
  if (text === undefined || text.trim() === '') return fallback;
  const team = Number(text);
  if (!Number.isInteger(team) || team <= 0) throw new RemakeError('MCP_TARGET_INVALID', `MAKE_TEAM '${text}' is not a team id (a positive whole number).`, { field: 'MAKE_TEAM' });
  return team;
}

/** Reads the target from the environment; a malformed REMAKE_TARGET, REMAKE_URL or MAKE_TEAM is a RemakeError naming it. */
export function makeTargetFromEnv(env: TargetEnv): MakeTarget {
  const target = (env.REMAKE_TARGET ?? '').trim() || 'local';
  const token = env.MAKE_API_TOKEN || env.REMAKE_API_TOKEN || undefined;
  if (target === 'local') {
    const url = parseRemakeUrl(env.REMAKE_URL?.trim() || DEFAULT_REMAKE_URL);
    return { label: url.origin, make: remakeClient(url, token), teamId: parseTeam(env.MAKE_TEAM, 1) };
  }
  if (!HOSTNAME.test(target)) {
    throw new RemakeError('MCP_TARGET_INVALID', `REMAKE_TARGET '${target}' is neither 'local' nor a Make zone host such as eu2.make.com.`, { field: 'REMAKE_TARGET' });
  }
  return { label: target, make: token ? new Make(token, target) : null, teamId: parseTeam(env.MAKE_TEAM, null) };
}

/** The target of `/mcp` on `remake serve`: that server itself, called with the caller's own token, team 1. */
export function remakeServerTarget(url: string, token: string): MakeTarget {
  const parsed = parseRemakeUrl(url);
  return { label: parsed.origin, make: remakeClient(parsed, token), teamId: 1 };
}

/** A target with no client: the Make tools are listed and explain, when called, that a token is needed. */
export const NO_TARGET: MakeTarget = { label: DEFAULT_REMAKE_URL, make: null, teamId: null };
