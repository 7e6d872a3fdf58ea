// The form of HTTP v4 (`http:MakeRequest`, `http:DownloadFile`): authentication chosen in parameters, body by
// content type, and the request it describes.
import { z } from 'zod';
import { any, flag, number, optional, text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import type { ModuleContext } from '../../executor/module-api.ts';
import { isCollection, toText } from '../../iml/index.ts';
import { certificateCredentials } from './connection-data.ts';
import type { HttpAuth } from './http-auth.ts';
import { formDataList, keychainId, method, nameValueList } from './http-fields.ts';
import { multipartFields } from './multipart-fields.ts';
import { multipartBody, rawBody, toBytes, urlEncodedBody } from './request-body.ts';
import { buildRequestUrl } from './request-url.ts';
import { timeoutMs } from './timeout.ts';
import { tlsSettings } from './tls-settings.ts';
import type { HttpRequest, RequestBody, TlsSettings } from './types.ts';

/**
 * `metadata.parameters` of v4 in the corpus: `authenticationType` (noAuth, apiKey, basicAuth, oAuth),
 * `apiKeyKeychain`, `tlsType` (mTls, tls), `proxyKeychain`. `basicAuthKeychain` and `oAuthAccount` are named in a
 * public project's notes on v4 (GUESS); `tlsKeychain` is a GUESS.
 */
export const V4Parameters = z
  .object({
    authenticationType: optional(text()),
    apiKeyKeychain: keychainId(),
    basicAuthKeychain: keychainId(),
    oAuthAccount: keychainId(),
    tlsType: optional(text()),
    tlsKeychain: keychainId(),
    proxyKeychain: keychainId(),
  })
  .loose();
/** v4 parameters after coercion. */
export type V4Parameters = z.infer<typeof V4Parameters>;

/** The `metadata.expect` fields of `http:MakeRequest` v4 in the corpus (GUESS: `multipartBodyContent`, `dataStructureBodyContent`). */
export const V4RequestMapper = z
  .object({
    url: text(),
    method: method(),
    headers: nameValueList(),
    queryParameters: nameValueList(),
    contentType: optional(text()),
    inputMethod: optional(text()),
    jsonStringBodyContent: optional(text()),
    dataStructureBodyContent: any(),
    urlEncodedBodyContent: nameValueList(),
    multipartBodyContent: formDataList(),
    rawBodyContent: any(),
    contentTypeValue: optional(text()),
    parseResponse: flag(false),
    stopOnHttpError: flag(true),
    timeout: optional(number()),
    allowRedirects: flag(true),
    shareCookies: flag(false),
    requestCompressedContent: flag(true),
    paginationType: optional(text()),
  })
  .loose();
/** The v4 form after coercion. */
export type V4RequestMapper = z.infer<typeof V4RequestMapper>;

/** The authentication `authenticationType` selects; `none` appears in hand-written exports and means noAuth. */
export function v4Auth(parameters: V4Parameters): HttpAuth {
  switch (parameters.authenticationType) {
    case undefined:
    case 'noAuth':
    case 'none':
      return { kind: 'none' };
    case 'apiKey':
      return { kind: 'apiKey', keychain: parameters.apiKeyKeychain, field: 'apiKeyKeychain' };
    case 'basicAuth':
      return { kind: 'basic', keychain: parameters.basicAuthKeychain, field: 'basicAuthKeychain' };
    case 'oAuth':
      return { kind: 'oauth2', keychain: parameters.oAuthAccount, field: 'oAuthAccount' };
    default:
      throw new MakeError('InvalidConfigurationError', `Authentication type ${JSON.stringify(parameters.authenticationType)} is not one of noAuth, apiKey, basicAuth, oAuth.`);
  }
}

/**
 * v4 has no "reject unverified certificates" switch. `mTls` presents the certificate keychain's client certificate;
 * `tls` (GUESS) only trusts its CA (`ca`, else the certificate itself), for servers with self-signed certificates.
 */
export async function v4Tls(ctx: ModuleContext, parameters: V4Parameters): Promise<TlsSettings> {
  if (parameters.proxyKeychain !== undefined) {
    throw new MakeError('InvalidConfigurationError', `Proxies (parameters.proxyKeychain ${parameters.proxyKeychain}) are not supported by Remake yet.`);
  }
  switch (parameters.tlsType) {
    case undefined:
      return { rejectUnauthorized: true };
    case 'mTls':
      return tlsSettings(ctx, { rejectUnauthorized: true, useMtls: true, mtlsKeychain: parameters.tlsKeychain, mtlsField: 'tlsKeychain' });
    case 'tls': {
      const certificate = await certificateCredentials(ctx, parameters.tlsKeychain, 'tlsKeychain');
      return { rejectUnauthorized: true, ca: certificate.ca ?? certificate.cert };
    }
    default:
      throw new MakeError('InvalidConfigurationError', `TLS type ${JSON.stringify(parameters.tlsType)} is not one of mTls, tls.`);
  }
}

function jsonBody(mapper: V4RequestMapper): RequestBody | undefined {
  if (mapper.inputMethod === 'dataStructure') {
    const value = mapper.dataStructureBodyContent;
    return value === undefined ? undefined : { bytes: Buffer.from(JSON.stringify(value), 'utf8'), contentType: 'application/json' };
  }
  const content = mapper.jsonStringBodyContent;
  // An empty JSON body is sent as no body (GET requests with the content type left on JSON).
  return content === undefined || content.trim() === '' ? undefined : { bytes: Buffer.from(content, 'utf8'), contentType: 'application/json' };
}

async function v4Body(mapper: V4RequestMapper): Promise<RequestBody | undefined> {
  switch (mapper.contentType) {
    case undefined:
      return undefined;
    case 'json':
      return jsonBody(mapper);
    case 'urlEncoded':
      return urlEncodedBody(mapper.urlEncodedBodyContent.map((pair) => ({ key: pair.name, value: pair.value })));
    case 'multipart': {
      const items = mapper.multipartBodyContent.map((item) => ({ ...item, key: item.key ?? (typeof item['name'] === 'string' ? item['name'] : '') }));
      return multipartBody(multipartFields(items));
    }
    case 'custom':
      return rawBody(isCollection(mapper.rawBodyContent) ? toText(mapper.rawBodyContent) : toBytes(mapper.rawBodyContent), mapper.contentTypeValue);
    default:
      throw new MakeError('InvalidConfigurationError', `Body content type ${JSON.stringify(mapper.contentType)} is not one of json, multipart, urlEncoded, custom.`);
  }
}

/**
 * The request the v4 form describes. "Allow redirects" follows redirects for every method (GUESS: v4 has one
 * switch where v3 had two); 307/308 repeat the method and body, other redirects continue as GET. Pagination is
 * not supported yet.
 */
export async function v4Request(ctx: ModuleContext, parameters: V4Parameters, mapper: V4RequestMapper): Promise<HttpRequest> {
  if (mapper.paginationType !== undefined && mapper.paginationType !== 'none') {
    throw new MakeError('InvalidConfigurationError', `Pagination (${mapper.paginationType}) is not supported by Remake yet.`);
  }
  const body = await v4Body(mapper);
  return {
    url: buildRequestUrl(mapper.url, mapper.queryParameters, { repeatKeys: true, serialize: false }),
    method: mapper.method,
    headers: mapper.headers.filter((header) => header.name !== ''),
    ...(body === undefined ? {} : { body }),
    timeoutMs: timeoutMs(mapper.timeout),
    redirects: mapper.allowRedirects ? 'all' : 'none',
    shareCookies: mapper.shareCookies,
    compressed: mapper.requestCompressedContent,
    tls: await v4Tls(ctx, parameters),
  };
}
