// zod field types of the HTTP app's forms: name/value lists, form fields, file parts, methods and keychain ids.
import { z } from 'zod';
import { any, array, optional, text } from '../../executor/fields.ts';
import type { NameValue } from './types.ts';

const PairItem = z.object({ name: optional(text()), value: optional(text()) }).loose();
const KeyValueItem = z.object({ key: optional(text()), value: optional(text()) }).loose();
const FormDataItem = z.object({ key: optional(text()), value: any(), data: any(), fileName: optional(text()), fieldType: optional(text()) }).loose();

/** Headers, query strings and v4 urlencoded bodies: `[{name, value}]`; blank values are empty text. */
export const nameValueList = () =>
  optional(array(PairItem)).transform((items): NameValue[] => (items ?? []).map((item) => ({ name: item.name ?? '', value: item.value ?? '' })));

/** v3 "Fields" of an x-www-form-urlencoded body: `[{key, value}]`. */
export const keyValueList = () =>
  optional(array(KeyValueItem)).transform((items) => (items ?? []).map((item) => ({ key: item.key ?? '', value: item.value ?? '' })));

/** v3 multipart "Fields": `[{fieldType: 'text', key, value}]` or `[{fieldType: 'file', key, data, fileName}]`. */
export const formDataList = () => optional(array(FormDataItem)).transform((items) => items ?? []);

/** The HTTP method, upper case; GET when blank (Make's forms store `get`, `post`, …; some exports upper case). */
export const method = () => optional(text()).transform((value) => (value ?? 'get').trim().toUpperCase() || 'GET');

/** A keychain or connection id: Make's numeric id, kept as text. */
export const keychainId = () => optional(text());

/** One multipart field as mapped. */
export type FormDataItem = z.infer<typeof FormDataItem>;
