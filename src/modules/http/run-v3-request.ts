// Runs one v3 "Make a request" module: builds the request from its form, authenticates, sends, shapes the output.
import type { Bundle, ModuleContext } from '../../executor/module-api.ts';
import { callHttp } from './call-http.ts';
import type { HttpAuth } from './http-auth.ts';
import { v3Output } from './output-bundle.ts';
import { v3Request, type V3RequestMapper } from './v3-request.ts';

/** The parameters every v3 request module reads. */
export interface V3Parameters {
  readonly handleErrors: boolean;
  readonly tlsKeychain?: string | undefined;
}

/** One request, one output bundle. */
export async function runV3Request(ctx: ModuleContext, parameters: V3Parameters, mapper: V3RequestMapper, auth: HttpAuth): Promise<Bundle[]> {
  const request = await v3Request(ctx, mapper, parameters.tlsKeychain);
  const response = await callHttp(ctx, { request, auth, failOnStatus: parameters.handleErrors });
  return [v3Output(response, mapper.parseResponse)];
}
