// HTTP > Make a request (`http:ActionSendData` v3): any HTTP request, with optional Basic auth from the form.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';
import { V3_OUTPUT } from './output-docs.ts';
import { runV3Request } from './run-v3-request.ts';
import { v3ParameterFields, V3RequestMapper } from './v3-request.ts';

/** Sends the request the form describes; "User name"/"Password" (`authUser`, `authPass`) send Basic auth. */
export const actionSendData = defineModule({
  app: 'http',
  name: 'ActionSendData',
  version: 3,
  title: 'HTTP: Make a request',
  description: 'Sends an HTTP request and outputs the status code, headers, cookies and the (optionally parsed) response data.',
  kind: 'action',
  parameters: z.object(v3ParameterFields).loose(),
  mapper: V3RequestMapper,
  output: V3_OUTPUT,
  example: {
    id: 2,
    module: 'http:ActionSendData',
    version: 3,
    parameters: { handleErrors: true, useNewZLibDeCompress: true },
    mapper: {
      url: 'https://api.example.com/orders',
      method: 'post',
      headers: [{ name: 'Accept', value: 'application/json' }],
      qs: [],
      bodyType: 'raw',
      contentType: 'application/json',
      data: '{"id": "{{1.id}}"}',
      parseResponse: true,
      timeout: '',
      shareCookies: false,
      rejectUnauthorized: true,
      followRedirect: true,
      followAllRedirects: false,
      useQuerystring: false,
      gzip: true,
      useMtls: false,
      serializeUrl: false,
    },
  },
  run(ctx, { parameters, mapper }) {
    return runV3Request(ctx, parameters, mapper, { kind: 'password', username: mapper.authUser ?? '', password: mapper.authPass ?? '' });
  },
});
