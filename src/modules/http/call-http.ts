// One authenticated HTTP call as every module of the app makes it: credentials, cookies, an OAuth 2.0 retry on
// 401, and "Evaluate all states as errors".
import type { ModuleContext } from '../../executor/module-api.ts';
import { cookieJarFor } from './cookie-jar.ts';
import { authorize, type HttpAuth } from './http-auth.ts';
import { sendRequest } from './send-request.ts';
import { isSuccessStatus, statusError } from './status-error.ts';
import type { HttpRequest, HttpResponse } from './types.ts';

/** A request, how it authenticates, and whether a status other than 2xx/3xx fails the module. */
export interface HttpCall {
  readonly request: HttpRequest;
  readonly auth: HttpAuth;
  readonly failOnStatus: boolean;
}

/**
 * Sends the call and returns the final response. With OAuth 2.0 a 401 gets one retry with a freshly refreshed
 * token, since the stored one may have been revoked before its expiry [F-http-oauth: Make refreshes tokens "when
 * required"]. A failed status throws only when `failOnStatus` (rule 113).
 */
export async function callHttp(ctx: ModuleContext, call: HttpCall): Promise<HttpResponse> {
  const jar = cookieJarFor(ctx, call.request.shareCookies);
  let response = await sendRequest(ctx, await authorize(ctx, call.request, call.auth), jar);
  if (response.statusCode === 401 && call.auth.kind === 'oauth2') {
    response = await sendRequest(ctx, await authorize(ctx, call.request, call.auth, true), jar);
  }
  if (call.failOnStatus && !isSuccessStatus(response.statusCode)) throw statusError(response, ctx.now);
  return response;
}
