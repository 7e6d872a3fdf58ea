// HTTP > Make a Basic Auth request (`http:ActionSendDataBasicAuth` v3): the credentials come from a keychain.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { keychainId } from './http-fields.ts';
import { V3_OUTPUT } from './output-docs.ts';
import { runV3Request } from './run-v3-request.ts';
import { v3ParameterFields, V3RequestMapper } from './v3-request.ts';

/** `parameters.key` is the Basic Auth keychain (`keychain:basicauth` in the corpus's metadata). */
export const actionSendDataBasicAuth = defineModule({
  app: 'http',
  name: 'ActionSendDataBasicAuth',
  version: 3,
  title: 'HTTP: Make a Basic Auth request',
  description: 'Sends an HTTP request with Basic authentication from a keychain (a basic connection).',
  kind: 'action',
  parameters: z.object({ ...v3ParameterFields, key: keychainId() }).loose(),
  mapper: V3RequestMapper,
  output: V3_OUTPUT,
  example: {
    id: 3,
    module: 'http:ActionSendDataBasicAuth',
    version: 3,
    parameters: { key: 71843, handleErrors: false, useNewZLibDeCompress: true },
    mapper: { url: 'https://api.example.com/trade', method: 'post', bodyType: 'raw', contentType: 'application/json', data: '{"chain": "{{1.chain}}"}', parseResponse: true },
  },
  run(ctx, { parameters, mapper }) {
    return runV3Request(ctx, parameters, mapper, { kind: 'basic', keychain: parameters.key, field: 'key' });
  },
});
