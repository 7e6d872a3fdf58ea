// HTTP > Download a file (`http:DownloadFile` v4): a URL as binary data, with the v4 authentication choices.
import { z } from 'zod';
import { flag, text } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { callHttp } from './call-http.ts';
import { nameValueList } from './http-fields.ts';
import { FILE_OUTPUT } from './output-docs.ts';
import { fileOutput } from './output-bundle.ts';
import { simpleRequest } from './simple-request.ts';
import { v4Auth, V4Parameters, v4Tls } from './v4-request.ts';

/** `metadata.expect` in the corpus: `url`, `stopOnHttpError`, `shareCookies`, `headers`, `queryParameters`. */
export const downloadFile = defineModule({
  app: 'http',
  name: 'DownloadFile',
  version: 4,
  title: 'HTTP: Download a file',
  description: 'Downloads a file from a URL; outputs its data (binary), file name, size, status code and headers.',
  kind: 'action',
  parameters: V4Parameters,
  mapper: z.object({ url: text(), stopOnHttpError: flag(true), shareCookies: flag(false), headers: nameValueList(), queryParameters: nameValueList() }).loose(),
  output: FILE_OUTPUT,
  example: { id: 4, module: 'http:DownloadFile', version: 4, parameters: { authenticationType: 'noAuth' }, mapper: { url: '{{1.video_url}}', stopOnHttpError: true, shareCookies: false } },
  async run(ctx, { parameters, mapper }) {
    const base = simpleRequest({ url: mapper.url, headers: mapper.headers, query: mapper.queryParameters, shareCookies: mapper.shareCookies, redirects: 'all' });
    const request = { ...base, tls: await v4Tls(ctx, parameters) };
    const response = await callHttp(ctx, { request, auth: v4Auth(parameters), failOnStatus: mapper.stopOnHttpError });
    return [fileOutput(response, 'collection')];
  },
});
