// TLS settings of a request from the module's fields: a self-signed CA, certificate checking, and the client
// certificate of mutual TLS taken from a certificate keychain.
import type { ModuleContext } from '../../executor/module-api.ts';
import { certificateCredentials } from './connection-data.ts';
import type { TlsSettings } from './types.ts';

/** The fields that shape TLS; `mtlsKeychain` is read only when `useMtls` is on. */
export interface TlsFields {
  readonly ca?: string | undefined;
  readonly rejectUnauthorized: boolean;
  readonly useMtls: boolean;
  readonly mtlsKeychain?: string | undefined;
  /** The parameter that names the keychain, for error messages. */
  readonly mtlsField: string;
}

/**
 * The request's TLS settings. With mutual TLS the keychain's certificate and key are presented to the server, and
 * its own `ca` (when given) is trusted too [F-http "Use Mutual TLS"]. GUESS on the keychain's parameter name.
 */
export async function tlsSettings(ctx: ModuleContext, fields: TlsFields): Promise<TlsSettings> {
  const base: TlsSettings = { rejectUnauthorized: fields.rejectUnauthorized, ...(fields.ca ? { ca: fields.ca } : {}) };
  if (!fields.useMtls) return base;
  const certificate = await certificateCredentials(ctx, fields.mtlsKeychain, fields.mtlsField);
  const ca = [fields.ca, certificate.ca].filter((item): item is string => item !== undefined && item !== '').join('\n');
  return {
    rejectUnauthorized: fields.rejectUnauthorized,
    cert: certificate.cert,
    key: certificate.key,
    ...(certificate.passphrase ? { passphrase: certificate.passphrase } : {}),
    ...(ca === '' ? {} : { ca }),
  };
}
