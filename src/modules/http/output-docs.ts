// Output field descriptions of the HTTP modules, for describe_module and auto-mocks.
import type { FieldDoc } from '../../executor/module-api.ts';

/** v3 "Make a request" family. */
export const V3_OUTPUT: readonly FieldDoc[] = [
  { name: 'statusCode', type: 'number', label: 'Status code' },
  { name: 'headers', type: 'array', label: 'Headers ([{name, value}])' },
  { name: 'cookieHeaders', type: 'array', label: 'Cookie headers' },
  { name: 'data', type: 'any', label: 'Data (parsed JSON/XML, text, or binary)' },
  { name: 'fileSize', type: 'number', label: 'File size (binary responses)' },
  { name: 'fileName', type: 'filename', label: 'File name (binary responses)' },
];

/** v4 `http:MakeRequest` [corpus metadata.interface]. */
export const V4_OUTPUT: readonly FieldDoc[] = [
  { name: 'data', type: 'any', label: 'Data' },
  { name: 'statusCode', type: 'number', label: 'Status Code' },
  { name: 'headers', type: 'collection', label: 'Headers' },
];

/** Get a file / Download a file. */
export const FILE_OUTPUT: readonly FieldDoc[] = [
  { name: 'statusCode', type: 'number', label: 'Status code' },
  { name: 'headers', type: 'array', label: 'Headers' },
  { name: 'fileSize', type: 'number', label: 'File size' },
  { name: 'fileName', type: 'filename', label: 'File name' },
  { name: 'data', type: 'buffer', label: 'Data' },
];
