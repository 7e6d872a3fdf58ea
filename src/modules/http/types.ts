// Shared shapes of the HTTP app: one request as the modules build it, and one response as the client returns it.

/** A header or query-string pair, as Make's forms and outputs write them. */
export interface NameValue {
  readonly name: string;
  readonly value: string;
}

/** Which 3xx responses are followed: none, only for GET/HEAD/OPTIONS (v3 "Follow redirect"), or for every method. */
export type RedirectPolicy = 'none' | 'safe-methods' | 'all';

/** TLS settings of one request; requests with equal settings share a connection pool. */
export interface TlsSettings {
  /** Extra trusted CA certificate(s), PEM ("Self-signed certificate"). */
  readonly ca?: string;
  readonly rejectUnauthorized: boolean;
  /** Client certificate and key for mutual TLS, PEM. */
  readonly cert?: string;
  readonly key?: string;
  readonly passphrase?: string;
}

/** A request body, already serialised. */
export interface RequestBody {
  readonly bytes: Uint8Array;
  /** The Content-Type the body type implies; an explicit header wins. */
  readonly contentType?: string;
}

/** Everything needed to send one HTTP exchange (redirects included). */
export interface HttpRequest {
  readonly url: string;
  /** Upper case: GET, POST, … */
  readonly method: string;
  readonly headers: readonly NameValue[];
  readonly body?: RequestBody;
  readonly timeoutMs: number;
  readonly redirects: RedirectPolicy;
  /** Keep cookies in the run's shared jar ("Share cookies with other HTTP modules"). */
  readonly shareCookies: boolean;
  /** Ask for gzip/deflate ("Request compressed content"). */
  readonly compressed: boolean;
  readonly tls: TlsSettings;
}

/** The final response of an exchange, its body decompressed. */
export interface HttpResponse {
  readonly statusCode: number;
  /** Lower-case names, in the order received; repeated headers (Set-Cookie) appear once per value. */
  readonly headers: readonly NameValue[];
  readonly body: Buffer;
  /** The URL that gave this response (after redirects). */
  readonly url: string;
}
