// HTTP > Get a file (`http:ActionGetFile` v3): downloads a URL as binary data with its file name and size.
import { z } from 'zod';
import { flag, text } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { callHttp } from './call-http.ts';
import { method } from './http-fields.ts';
import { FILE_OUTPUT } from './output-docs.ts';
import { fileOutput } from './output-bundle.ts';
import { simpleRequest } from './simple-request.ts';

/**
 * `metadata.expect` in the corpus: `url`, `serializeUrl`, `method` (hidden, `get`), `shareCookies`; parameter
 * `handleErrors`. The body is binary whatever its Content-Type; the name comes from Content-Disposition or the URL.
 */
export const getFile = defineModule({
  app: 'http',
  name: 'ActionGetFile',
  version: 3,
  title: 'HTTP: Get a file',
  description: 'Downloads a file from a URL; outputs its data (binary), file name and size.',
  kind: 'action',
  parameters: z.object({ handleErrors: flag(false) }).loose(),
  mapper: z.object({ url: text(), serializeUrl: flag(false), method: method(), shareCookies: flag(false) }).loose(),
  output: FILE_OUTPUT,
  example: { id: 6, module: 'http:ActionGetFile', version: 3, parameters: { handleErrors: false }, mapper: { url: '{{5.url}}', serializeUrl: false, method: 'get', shareCookies: false } },
  async run(ctx, { parameters, mapper }) {
    const request = simpleRequest({ url: mapper.url, method: mapper.method, serializeUrl: mapper.serializeUrl, shareCookies: mapper.shareCookies });
    const response = await callHttp(ctx, { request, auth: { kind: 'none' }, failOnStatus: parameters.handleErrors });
    return [fileOutput(response, 'list')];
  },
});
