// OAuth 2.0 access tokens for modules (the HTTP app, custom apps): reuse the stored token while it is fresh, else get
// one from the token endpoint (client credentials, or the refresh token of an authorization-code connection) and save it.
import { z } from 'zod';
import type { ModuleContext } from '../../executor/module-api.ts';
import { MakeError } from '../../executor/make-error.ts';
import type { ConnectionRecord } from '../../executor/ports.ts';
import { OAuth2DataSchema, type OAuth2Data } from './connection-schema.ts';

/** A token expiring within this margin is refreshed first, so it cannot expire on its way to the API. */
export const EXPIRY_MARGIN_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of {@link accessTokenFor}. */
export interface AccessTokenOptions {
  /** The fetch to call the token endpoint with; the global one (Node's undici) when not given. */
  readonly fetch?: typeof fetch;
  /** Get a new token even if the stored one looks fresh: the API answered 401 with it. */
  readonly forceRefresh?: boolean;
  /** How long to wait for the token endpoint; 30 s when not given. */
  readonly timeoutMs?: number;
}

/** A successful token response (RFC 6749 §5.1); `expires_in` may come as text from some servers. */
const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});

/** An error response (RFC 6749 §5.2). */
const TokenErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/**
 * The access token of OAuth 2.0 connection `connectionId`: the stored one when it does not expire within 60 s of
 * `ctx.now` (a token without `expiresAt` counts as fresh), else a new one from the token endpoint, saved with its
 * refresh token (when the endpoint rotates it) and `expiresAt` through `ctx.connections.save`.
 *
 * Throws MakeError `InvalidConfigurationError` (unknown id, not oauth2, bad data), `InvalidAccessTokenError` (the
 * endpoint refused the grant, or an expired token cannot be refreshed), `ConnectionError` (endpoint unreachable or
 * 5xx), `RateLimitError` (429) or `RuntimeError` (an answer that is not a token).
 */
export async function accessTokenFor(ctx: ModuleContext, connectionId: string, options: AccessTokenOptions = {}): Promise<string> {
  const record = await ctx.connections.get(connectionId);
  if (!record) throw new MakeError('InvalidConfigurationError', `Connection '${connectionId}' does not exist. Add it with \`remake connections add\` or pass it with --connections.`);
  if (record.type !== 'oauth2') throw new MakeError('InvalidConfigurationError', `Connection '${connectionId}' is a ${record.type} connection, not an OAuth 2.0 one.`);
  const data = oauth2Data(record);
  if (!options.forceRefresh && data.accessToken !== undefined && isFresh(data.expiresAt, ctx.now)) return data.accessToken;

  // Modules of one execution share a refresh in flight, so a rotating refresh token is spent only once.
  const key = `oauth2-token:${connectionId}`;
  const pending = ctx.memory.execution.get(key);
  if (pending instanceof Promise) return pending as Promise<string>;
  const refreshing = refresh(ctx, record, data, options).finally(() => ctx.memory.execution.delete(key));
  ctx.memory.execution.set(key, refreshing);
  return refreshing;
}

function oauth2Data(record: ConnectionRecord): OAuth2Data {
  const parsed = OAuth2DataSchema.safeParse(record.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new MakeError('InvalidConfigurationError', `Connection '${record.id}': data.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.`);
}

function isFresh(expiresAt: string | undefined, now: Date): boolean {
  return expiresAt === undefined || Date.parse(expiresAt) - now.getTime() > EXPIRY_MARGIN_MS;
}

/** The grant's form fields: client credentials, or a refresh token (authorization code connections). */
function grantFields(record: ConnectionRecord, data: OAuth2Data): URLSearchParams {
  if (data.grantType === 'client_credentials') {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (data.scope) form.set('scope', data.scope);
    return form;
  }
  if (data.refreshToken === undefined) {
    const why = data.accessToken === undefined ? 'has no access token and no refresh token' : 'has an expired access token and no refresh token';
    throw new MakeError(
      data.accessToken === undefined ? 'InvalidConfigurationError' : 'InvalidAccessTokenError',
      `Connection '${record.id}' ${why}; authorize it again and save data.refreshToken.`,
    );
  }
  return new URLSearchParams({ grant_type: 'refresh_token', refresh_token: data.refreshToken });
}

/** `Authorization: Basic` of RFC 6749 §2.3.1: id and secret form-encoded, then base64. */
function basicAuth(data: OAuth2Data): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(data.clientId)}:${encode(data.clientSecret)}`).toString('base64')}`;
}

async function refresh(ctx: ModuleContext, record: ConnectionRecord, data: OAuth2Data, options: AccessTokenOptions): Promise<string> {
  const form = grantFields(record, data);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (data.clientAuth === 'basic') headers['authorization'] = basicAuth(data);
  else {
    form.set('client_id', data.clientId);
    form.set('client_secret', data.clientSecret);
  }
  const where = `the token endpoint ${data.tokenUrl} of connection '${record.id}'`;
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(data.tokenUrl, {
      method: 'POST',
      headers,
      body: form.toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new MakeError('ConnectionError', `Cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  const body = parseBody(text, response.headers.get('content-type'));
  if (!response.ok) throw endpointError(response.status, body, where, form.get('grant_type') ?? '');

  const token = TokenResponseSchema.safeParse(body);
  if (!token.success) throw new MakeError('RuntimeError', `${capitalize(where)} answered ${response.status} without an access_token.`);
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = token.data;
  const { expiresAt: _previous, ...kept } = record.data;
  await ctx.connections.save({
    ...record,
    data: {
      ...kept,
      accessToken,
      ...(refreshToken !== undefined ? { refreshToken } : {}),
      ...(expiresIn !== undefined ? { expiresAt: new Date(ctx.now.getTime() + expiresIn * 1000).toISOString() } : {}),
    },
  });
  return accessToken;
}

/** JSON, or form-encoded fields (some endpoints ignore `Accept`); anything else is kept as text. */
function parseBody(text: string, contentType: string | null): unknown {
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function endpointError(status: number, body: unknown, where: string, grant: string): MakeError {
  const parsed = TokenErrorSchema.safeParse(body);
  const reason = parsed.success ? `${parsed.data.error}${parsed.data.error_description ? ` (${parsed.data.error_description})` : ''}` : `HTTP ${status}`;
  const message = `${capitalize(where)} refused the ${grant} grant: ${reason}.`;
  if (status === 400 || status === 401 || status === 403) return new MakeError('InvalidAccessTokenError', message, { detail: { status } });
  if (status === 429) return new MakeError('RateLimitError', message, { detail: { status } });
  if (status >= 500) return new MakeError('ConnectionError', `${capitalize(where)} failed with HTTP ${status}.`, { detail: { status } });
  return new MakeError('RuntimeError', message, { detail: { status } });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
