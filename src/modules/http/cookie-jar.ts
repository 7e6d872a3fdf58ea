// Cookies of HTTP modules: a jar shared by every module with "Share cookies with other HTTP modules" on, kept in
// the run's memory, or a private jar that lives for one module call (its redirect chain).
import { CookieJar } from 'tough-cookie';
import type { ModuleContext } from '../../executor/module-api.ts';

const MEMORY_KEY = 'http:cookies';

/**
 * The jar for one call. Shared jars last for the execution [F-http "Share cookies with other HTTP modules"].
 * GUESS: with sharing off, cookies set during a redirect chain are still sent to the next hop, as a browser would.
 */
export function cookieJarFor(ctx: ModuleContext, share: boolean): CookieJar {
  if (!share) return new CookieJar();
  const stored = ctx.memory.execution.get(MEMORY_KEY);
  if (stored instanceof CookieJar) return stored;
  const jar = new CookieJar();
  ctx.memory.execution.set(MEMORY_KEY, jar);
  return jar;
}
