// Turns a failed exchange (no HTTP response) into Make's error types: timeouts, unreachable hosts, bad input.
import { MakeError } from '../../executor/make-error.ts';

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const INPUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_INVALID_ARG', 'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN']);

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code: unknown = Reflect.get(current, 'code');
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The Make error for `error`, thrown while calling `url`. Our own deadline or a client timeout is ModuleTimeoutError
 * (rule 29); a header or argument the client refuses is DataError; anything else (refused, DNS, TLS, reset) is
 * ConnectionError, which Make retries [SEMANTICS rule 113 GUESS, §8.4].
 */
export function networkError(error: unknown, url: string, timedOut: boolean, timeoutMs: number): MakeError {
  if (error instanceof MakeError) return error;
  const code = errorCode(error);
  const host = URL.canParse(url) ? new URL(url).host : url;
  if (timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    const seconds = timeoutMs / 1000;
    return new MakeError('ModuleTimeoutError', `The request to ${host} did not finish within ${seconds} second${seconds === 1 ? '' : 's'}.`, { cause: error });
  }
  if (code !== undefined && INPUT_CODES.has(code)) {
    return new MakeError('DataError', `The request to ${host} could not be sent: ${errorMessage(error)}`, { cause: error });
  }
  const reason = code !== undefined && !errorMessage(error).includes(code) ? `${code}: ${errorMessage(error)}` : errorMessage(error);
  return new MakeError('ConnectionError', `Could not connect to ${host} (${reason}).`, { cause: error, detail: { code: code ?? null } });
}
