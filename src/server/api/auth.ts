// Token authentication with Make's scopes (MAKE-API.md §1.2): `Authorization: Token <t>` or `Bearer <t>`;
// `<resource>:read` covers GET, `<resource>:write` the other methods. 401 and 403 carry Make's error body.
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './api-env.ts';
import { ApiError } from './api-error.ts';

/** Every scope a token created by `remake serve` gets. */
export const ALL_SCOPES = [
  'scenarios:read', 'scenarios:write', 'scenarios:run', 'hooks:read', 'hooks:write', 'datastores:read', 'datastores:write',
  'udts:read', 'udts:write', 'connections:read', 'connections:write', 'dlqs:read', 'dlqs:write', 'teams:read', 'teams:write',
  'organizations:read', 'organizations:write', 'user:read', 'user:write', 'keys:read', 'keys:write',
] as const;

/** The token of an `Authorization: Token <t>` or `Bearer <t>` header. */
export function tokenOf(header: string | undefined): string | undefined {
  return /^(Token|Bearer)\s+(\S+)$/i.exec((header ?? '').trim())?.[2];
}

/** Reads the token and keeps its record on the context; unknown or missing tokens get 401. */
export function authenticate(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = tokenOf(c.req.header('authorization'));
    if (!token) throw new ApiError(401, 'Unauthorized', 'Access denied. Send the API token as "Authorization: Token <token>".', 'SC401');
    const record = await c.get('remake').store.tokens.find(token);
    if (!record) throw new ApiError(401, 'Unauthorized', 'Invalid access token.', 'SC401');
    c.set('token', record);
    await next();
  };
}

/** Requires `<resource>:read` for GET and `<resource>:write` otherwise, or the exact scope given. */
export function requireScope(resource: string, exact?: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const needed = exact ?? `${resource}:${c.req.method === 'GET' || c.req.method === 'HEAD' ? 'read' : 'write'}`;
    if (!c.get('token').scopes.includes(needed)) throw new ApiError(403, 'Permission denied', `Access denied. The token lacks the scope '${needed}'.`, 'SC403');
    await next();
  };
}
