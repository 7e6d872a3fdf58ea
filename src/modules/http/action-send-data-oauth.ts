// HTTP > Make an OAuth 2.0 request (`http:ActionSendDataOAuth` v3): a bearer token from an OAuth 2.0 connection.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { keychainId } from './http-fields.ts';
import { V3_OUTPUT } from './output-docs.ts';
import { runV3Request } from './run-v3-request.ts';
import { v3ParameterFields, V3RequestMapper } from './v3-request.ts';

/**
 * `parameters.account` is the OAuth 2.0 connection (`account:oauth2` in the corpus's metadata). The token is
 * refreshed when it expires, and once more when the API answers 401.
 */
export const actionSendDataOAuth = defineModule({
  app: 'http',
  name: 'ActionSendDataOAuth',
  version: 3,
  title: 'HTTP: Make an OAuth 2.0 request',
  description: 'Sends an HTTP request with the access token of an OAuth 2.0 connection, refreshing it when needed.',
  kind: 'action',
  parameters: z.object({ ...v3ParameterFields, account: keychainId() }).loose(),
  mapper: V3RequestMapper,
  output: V3_OUTPUT,
  example: {
    id: 5,
    module: 'http:ActionSendDataOAuth',
    version: 3,
    parameters: { account: 3416151, handleErrors: false },
    mapper: { url: 'https://www.example.com/api/v1/items', method: 'get', qs: [], parseResponse: true },
  },
  run(ctx, { parameters, mapper }) {
    return runV3Request(ctx, parameters, mapper, { kind: 'oauth2', keychain: parameters.account, field: 'account' });
  },
});
