// HTTP > Make an API Key Auth request (`http:ActionSendDataAPIKeyAuth` v3): the key comes from a keychain and goes
// into a header or the query string.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { keychainId } from './http-fields.ts';
import { V3_OUTPUT } from './output-docs.ts';
import { runV3Request } from './run-v3-request.ts';
import { v3ParameterFields, V3RequestMapper } from './v3-request.ts';

/** `parameters.auth` is the API key keychain (`keychain:apikeyauth` in the corpus's metadata). */
export const actionSendDataApiKeyAuth = defineModule({
  app: 'http',
  name: 'ActionSendDataAPIKeyAuth',
  version: 3,
  title: 'HTTP: Make an API Key Auth request',
  description: 'Sends an HTTP request with an API key from a keychain, in a header or the query string.',
  kind: 'action',
  parameters: z.object({ ...v3ParameterFields, auth: keychainId() }).loose(),
  mapper: V3RequestMapper,
  output: V3_OUTPUT,
  example: {
    id: 4,
    module: 'http:ActionSendDataAPIKeyAuth',
    version: 3,
    parameters: { auth: 106516, handleErrors: false, useNewZLibDeCompress: true },
    mapper: { url: 'https://api.example.com/calls', method: 'get', qs: [], parseResponse: true },
  },
  run(ctx, { parameters, mapper }) {
    return runV3Request(ctx, parameters, mapper, { kind: 'apiKey', keychain: parameters.auth, field: 'auth' });
  },
});
