// Authentication of HTTP requests: Basic (keychain or v3 user/password), API key (header or query), OAuth 2.0 bearer.
import { MakeError } from '../../executor/make-error.ts';
import type { ModuleContext } from '../../executor/module-api.ts';
import { assertNever } from '../../shared/errors.ts';
import { accessTokenFor } from '../auth/oauth2-token.ts';
import { apiKeyCredentials, basicCredentials } from './connection-data.ts';
import { serializeQuery } from './request-url.ts';
import type { HttpRequest, NameValue } from './types.ts';

/** How a module authenticates; keychain ids are named with the parameter that held them, for error messages. */
export type HttpAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'password'; readonly username: string; readonly password: string }
  | { readonly kind: 'basic'; readonly keychain: string | undefined; readonly field: string }
  | { readonly kind: 'apiKey'; readonly keychain: string | undefined; readonly field: string }
  | { readonly kind: 'oauth2'; readonly keychain: string | undefined; readonly field: string };

const basicHeader = (username: string, password: string): NameValue => ({
  name: 'authorization',
  value: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`,
});

function withHeader(request: HttpRequest, header: NameValue): HttpRequest {
  const others = request.headers.filter((item) => item.name.toLowerCase() !== header.name.toLowerCase());
  return { ...request, headers: [...others, header] };
}

function withQuery(request: HttpRequest, pair: NameValue): HttpRequest {
  const url = new URL(request.url);
  const hash = url.hash;
  url.hash = '';
  const separator = url.href.endsWith('?') ? '' : url.href.includes('?') ? '&' : '?';
  return { ...request, url: `${url.href}${separator}${serializeQuery([pair], true)}${hash}` };
}

/**
 * `request` with its credentials added. The keychain's credentials replace a header of the same name set in the
 * form (GUESS). v3's "User name"/"Password" fields send Basic auth when either is filled (the `request` library's
 * `auth` option). An OAuth 2.0 connection sends `Authorization: Bearer <token>`; `forceRefresh` gets a new token.
 */
export async function authorize(ctx: ModuleContext, request: HttpRequest, auth: HttpAuth, forceRefresh = false): Promise<HttpRequest> {
  switch (auth.kind) {
    case 'none':
      return request;
    case 'password':
      return auth.username === '' && auth.password === '' ? request : withHeader(request, basicHeader(auth.username, auth.password));
    case 'basic': {
      const { username, password } = await basicCredentials(ctx, auth.keychain, auth.field);
      return withHeader(request, basicHeader(username, password));
    }
    case 'apiKey': {
      const { key, placement, name } = await apiKeyCredentials(ctx, auth.keychain, auth.field);
      return placement === 'query' ? withQuery(request, { name, value: key }) : withHeader(request, { name, value: key });
    }
    case 'oauth2': {
      if (auth.keychain === undefined || auth.keychain.trim() === '') {
        throw new MakeError('InvalidConfigurationError', `The module needs an OAuth 2.0 connection in parameters.${auth.field}.`);
      }
      const token = await accessTokenFor(ctx, auth.keychain, { forceRefresh });
      return withHeader(request, { name: 'authorization', value: `Bearer ${token}` });
    }
    default:
      return assertNever(auth, 'HTTP authentication');
  }
}
