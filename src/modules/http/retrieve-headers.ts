// HTTP > Retrieve headers: an iterator giving one bundle per header of an earlier HTTP module's response.
import { z } from 'zod';
import { any } from '../../executor/fields.ts';
import { defineModule, type Bundle } from '../../executor/module-api.ts';
import { isCollection, toText } from '../../iml/index.ts';
import type { NameValue } from './types.ts';

/** Headers as v3 outputs them (`[{name, value}]`) or as v4 does (a collection, Set-Cookie an array). */
function headerList(headers: unknown): NameValue[] {
  if (Array.isArray(headers)) {
    return headers.filter(isCollection).map((header) => ({ name: toText(header['name'] ?? ''), value: toText(header['value'] ?? '') }));
  }
  if (!isCollection(headers)) return [];
  return Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: toText(item ?? '') })));
}

/**
 * "Returns each header (name and value) from the specified HTTP module in a separate bundle" [M-http; community
 * thread 16968]. GUESS: the module name `RetrieveHeaders` v3 and its mapper field `headers` (mapped from the HTTP
 * module, `{{2.headers}}`); bundles carry `__IMTINDEX__`/`__IMTLENGTH__` like the Iterator's.
 */
export const retrieveHeaders = defineModule({
  app: 'http',
  name: 'RetrieveHeaders',
  version: 3,
  title: 'HTTP: Retrieve headers',
  description: 'Outputs one bundle `{name, value}` per header of an HTTP module’s response (map its `headers`).',
  kind: 'iterator',
  parameters: z.object({}).loose(),
  mapper: z.object({ headers: any() }).loose(),
  output: [
    { name: 'name', type: 'text', label: 'Name' },
    { name: 'value', type: 'text', label: 'Value' },
  ],
  example: { id: 9, module: 'http:RetrieveHeaders', version: 3, parameters: {}, mapper: { headers: '{{2.headers}}' } },
  run(_ctx, { mapper }) {
    const headers = headerList(mapper.headers);
    return headers.map((header, index): Bundle => ({ ...header, __IMTINDEX__: index + 1, __IMTLENGTH__: headers.length }));
  },
});
