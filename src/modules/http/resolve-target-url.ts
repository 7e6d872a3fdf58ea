// HTTP > Resolve a target URL: follows a chain of redirects and outputs where it ends.
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { defineModule } from '../../executor/module-api.ts';
import { callHttp } from './call-http.ts';
import { simpleRequest } from './simple-request.ts';

/**
 * "Resolve a target URL: retrieve the target URL from a chain of HTTP redirects" [M-http]. GUESS: the module name
 * `ActionResolveTargetURL` v3 (no export uses it), the mapper field `url`, the output `{url}`, a GET request, and
 * no error for a final status outside 2xx/3xx (the module reports where the chain ends, not whether it works).
 */
export const resolveTargetUrl = defineModule({
  app: 'http',
  name: 'ActionResolveTargetURL',
  version: 3,
  title: 'HTTP: Resolve a target URL',
  description: 'Follows the redirects of a URL (up to 10) and outputs the final URL as `url`.',
  kind: 'action',
  parameters: z.object({}).loose(),
  mapper: z.object({ url: text() }).loose(),
  output: [{ name: 'url', type: 'url', label: 'Target URL' }],
  example: { id: 8, module: 'http:ActionResolveTargetURL', version: 3, parameters: {}, mapper: { url: 'https://bit.ly/example' } },
  async run(ctx, { mapper }) {
    const response = await callHttp(ctx, { request: simpleRequest({ url: mapper.url }), auth: { kind: 'none' }, failOnStatus: false });
    return [{ url: response.url }];
  },
});
