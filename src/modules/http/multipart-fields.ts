// Turns the multipart "Fields" of a form into text and file parts.
import { isCollection, toText } from '../../iml/index.ts';
import type { FormDataItem } from './http-fields.ts';
import { toBytes, type MultipartField } from './request-body.ts';

/**
 * A `file` field (or, GUESS, one with `data` and no field type) becomes a file part named by `fileName`, or by the
 * key when the name is blank. A whole file collection `{fileName, data}` mapped into `data` is unwrapped (GUESS: a
 * convenience; Make's form maps the two separately).
 */
export function multipartFields(items: readonly FormDataItem[]): MultipartField[] {
  return items.map((item): MultipartField => {
    const key = item.key ?? '';
    const isFile = item.fieldType === 'file' || (item.fieldType === undefined && item.data !== undefined && item.data !== null && item.data !== '');
    if (!isFile) return { kind: 'text', key, value: item.value === undefined || item.value === null ? '' : toText(item.value) };
    const wrapped = isCollection(item.data) && 'data' in item.data ? item.data : undefined;
    const data = wrapped ? wrapped['data'] : item.data;
    const wrappedName = wrapped && typeof wrapped['fileName'] === 'string' ? wrapped['fileName'] : undefined;
    const fileName = item.fileName ?? wrappedName ?? (key === '' ? 'file' : key);
    return { kind: 'file', key, fileName, data: toBytes(data) };
  });
}
