// HTTP > Make a request (`http:MakeRequest` v4): the unified request module, authentication chosen in parameters.
import { defineModule } from '../../executor/module-api.ts';
import { callHttp } from './call-http.ts';
import { V4_OUTPUT } from './output-docs.ts';
import { v4Output } from './output-bundle.ts';
import { v4Auth, V4Parameters, v4Request, V4RequestMapper } from './v4-request.ts';

/** "Return error if HTTP request fails" (`stopOnHttpError`) fails the module on statuses other than 2xx/3xx. */
export const makeRequest = defineModule({
  app: 'http',
  name: 'MakeRequest',
  version: 4,
  title: 'HTTP: Make a request (v4)',
  description: 'Sends an HTTP request (no auth, API key, Basic or OAuth 2.0) and outputs the status code, headers and data.',
  kind: 'action',
  parameters: V4Parameters,
  mapper: V4RequestMapper,
  output: V4_OUTPUT,
  example: {
    id: 2,
    module: 'http:MakeRequest',
    version: 4,
    parameters: { authenticationType: 'apiKey', apiKeyKeychain: 135402, tlsType: '', proxyKeychain: '' },
    mapper: {
      url: 'https://api.example.com/v1/chat/completions',
      method: 'post',
      headers: [],
      queryParameters: [],
      contentType: 'json',
      inputMethod: 'jsonString',
      jsonStringBodyContent: '{"model": "small", "input": "{{1.text}}"}',
      parseResponse: true,
      stopOnHttpError: true,
      allowRedirects: true,
      shareCookies: false,
      requestCompressedContent: true,
      timeout: 300,
    },
  },
  async run(ctx, { parameters, mapper }) {
    const request = await v4Request(ctx, parameters, mapper);
    const response = await callHttp(ctx, { request, auth: v4Auth(parameters), failOnStatus: mapper.stopOnHttpError });
    return [v4Output(response, mapper.parseResponse)];
  },
});
