// The form of the v3 "Make a request" family (ActionSendData and its Basic, API key and OAuth 2.0 variants):
// its mapper schema, as real exports write it, and the request it describes.
import { z } from 'zod';
import { any, flag, number, optional, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import type { ModuleContext } from '../../executor/module-api.ts';
import { formDataList, keychainId, keyValueList, method, nameValueList } from './http-fields.ts';
import { multipartFields } from './multipart-fields.ts';
import { multipartBody, rawBody, urlEncodedBody } from './request-body.ts';
import { buildRequestUrl } from './request-url.ts';
import { timeoutMs } from './timeout.ts';
import { tlsSettings } from './tls-settings.ts';
import type { HttpRequest, RequestBody } from './types.ts';

/**
 * `metadata.expect` of `http:ActionSendData` v3 in the corpus (and of its auth variants, which share it). Defaults
 * are the form's: follow redirects, verify certificates, request compressed content [corpus; F-http].
 */
export const V3RequestMapper = z
  .object({
    url: text(),
    serializeUrl: flag(false),
    method: method(),
    headers: nameValueList(),
    qs: nameValueList(),
    bodyType: optional(text()),
    contentType: optional(text()),
    data: any(),
    formFields: keyValueList(),
    formDataFields: formDataList(),
    parseResponse: flag(false),
    authUser: optional(text()),
    authPass: optional(text()),
    timeout: optional(number()),
    shareCookies: flag(false),
    ca: optional(text()),
    rejectUnauthorized: flag(true),
    followRedirect: flag(true),
    followAllRedirects: flag(false),
    useQuerystring: flag(false),
    gzip: flag(true),
    useMtls: flag(false),
  })
  .loose();
/** The v3 form after coercion. */
export type V3RequestMapper = z.infer<typeof V3RequestMapper>;

/**
 * Parameters every v3 request module has: "Evaluate all states as errors" (`handleErrors`) and, GUESS, the client
 * certificate keychain of "Use Mutual TLS" (`tlsKeychain`; no export turns mutual TLS on, so its name is unknown).
 */
export const v3ParameterFields = { handleErrors: flag(false), tlsKeychain: keychainId() };

async function v3Body(mapper: V3RequestMapper): Promise<RequestBody | undefined> {
  switch (mapper.bodyType) {
    case undefined:
      // GUESS: no body type means no body (the form hides the body fields until one is chosen).
      return undefined;
    case 'raw':
      return rawBody(mapper.data, mapper.contentType);
    case 'x_www_form_urlencoded':
      return urlEncodedBody(mapper.formFields);
    case 'multipart_form_data':
      return multipartBody(multipartFields(mapper.formDataFields));
    default:
      throw new MakeError('InvalidConfigurationError', `Body type ${JSON.stringify(mapper.bodyType)} is not one of raw, x_www_form_urlencoded, multipart_form_data.`);
  }
}

/** The request the v3 form describes (credentials are added later, by the module's authentication). */
export async function v3Request(ctx: ModuleContext, mapper: V3RequestMapper, tlsKeychain: string | undefined): Promise<HttpRequest> {
  const body = await v3Body(mapper);
  return {
    url: buildRequestUrl(mapper.url, mapper.qs, { repeatKeys: mapper.useQuerystring, serialize: mapper.serializeUrl }),
    method: mapper.method,
    headers: mapper.headers.filter((header) => header.name !== ''),
    ...(body === undefined ? {} : { body }),
    timeoutMs: timeoutMs(mapper.timeout),
    redirects: mapper.followAllRedirects ? 'all' : mapper.followRedirect ? 'safe-methods' : 'none',
    shareCookies: mapper.shareCookies,
    compressed: mapper.gzip,
    tls: await tlsSettings(ctx, { ca: mapper.ca, rejectUnauthorized: mapper.rejectUnauthorized, useMtls: mapper.useMtls, mtlsKeychain: tlsKeychain, mtlsField: 'tlsKeychain' }),
  };
}
