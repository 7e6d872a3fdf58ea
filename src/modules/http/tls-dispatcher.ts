// Connection pools per TLS configuration: requests with the same CA, verification and client certificate share one
// undici Agent for the rest of the run (kept in the run's memory, so nothing outlives it as module state).
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import type { ModuleContext } from '../../executor/module-api.ts';
import type { TlsSettings } from './types.ts';

const MEMORY_KEY = 'http:dispatchers';

function isDispatcherMap(value: unknown): value is Map<string, Dispatcher> {
  return value instanceof Map;
}

/**
 * The Agent for `tls`. A self-signed certificate is trusted in addition to the public roots (GUESS: Make's field
 * adds a CA rather than replacing the public ones; replacing would break every other host).
 */
export function dispatcherFor(ctx: ModuleContext, tls: TlsSettings): Dispatcher {
  const stored = ctx.memory.execution.get(MEMORY_KEY);
  const agents = isDispatcherMap(stored) ? stored : new Map<string, Dispatcher>();
  if (!isDispatcherMap(stored)) ctx.memory.execution.set(MEMORY_KEY, agents);
  const key = JSON.stringify([tls.ca ?? '', tls.rejectUnauthorized, tls.cert ?? '', tls.key ?? '', tls.passphrase ?? '']);
  const existing = agents.get(key);
  if (existing) return existing;
  const agent = new Agent({
    connect: {
      rejectUnauthorized: tls.rejectUnauthorized,
      ...(tls.ca ? { ca: [...rootCertificates, tls.ca] } : {}),
      ...(tls.cert ? { cert: tls.cert } : {}),
      ...(tls.key ? { key: tls.key } : {}),
      ...(tls.passphrase ? { passphrase: tls.passphrase } : {}),
    },
  });
  agents.set(key, agent);
  return agent;
}
