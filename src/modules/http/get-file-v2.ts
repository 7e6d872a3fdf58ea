// HTTP > Get a file, older version (`http:ActionGetFile` v2): URL, method, headers and query string.
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { callHttp } from './call-http.ts';
import { method, nameValueList } from './http-fields.ts';
import { FILE_OUTPUT } from './output-docs.ts';
import { fileOutput } from './output-bundle.ts';
import { simpleRequest } from './simple-request.ts';

/**
 * The v2 exports in the corpus map `url`, `method`, `headers` and `qs` and have no `handleErrors`. GUESS: a status
 * other than 2xx/3xx fails the module (a download of an error page is rarely wanted).
 */
export const getFileV2 = defineModule({
  app: 'http',
  name: 'ActionGetFile',
  version: 2,
  title: 'HTTP: Get a file (v2)',
  description: 'Downloads a file from a URL with optional headers and query string; outputs its data, file name and size.',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z.object({ url: text(), method: method(), headers: nameValueList(), qs: nameValueList() }).loose(),
  output: FILE_OUTPUT,
  example: { id: 7, module: 'http:ActionGetFile', version: 2, parameters: {}, mapper: { url: 'https://example.com/report.csv', method: 'GET', headers: [], qs: [] } },
  async run(ctx, { mapper }) {
    const request = simpleRequest({ url: mapper.url, method: mapper.method, headers: mapper.headers, query: mapper.qs });
    const response = await callHttp(ctx, { request, auth: { kind: 'none' }, failOnStatus: true });
    return [fileOutput(response, 'list')];
  },
});
