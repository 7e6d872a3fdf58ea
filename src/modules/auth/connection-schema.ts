// zod schemas of connections and keys (Make's keychain) as Remake accepts them: one data shape per type.
// Lives in modules/ so auth helpers (OAuth 2.0 tokens, the HTTP app) and core/ (CLI, runs) check the same shapes.
import { z } from 'zod';

/** The connection types Remake knows. */
export const CONNECTION_TYPES = ['basic', 'apiKey', 'oauth2', 'certificate'] as const;
/** One of {@link CONNECTION_TYPES}. */
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

const text = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') });
const required = text.min(1, { error: 'must not be empty' });
const pem = text.regex(/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/, { error: 'must be PEM text (-----BEGIN …----- … -----END …-----)' });

/** HTTP Basic credentials. */
export const BasicDataSchema = z.looseObject({ username: text, password: text });

/** An API key sent in a header or the query string (Make's "API key" keychain). */
export const ApiKeyDataSchema = z.looseObject({
  key: required,
  placement: z.enum(['header', 'query'], { error: "must be 'header' or 'query'" }).default('header'),
  name: required.default('X-Api-Key'),
});

/** OAuth 2.0 client settings plus the current tokens (saved back when refreshed). */
export const OAuth2DataSchema = z.looseObject({
  grantType: z.enum(['client_credentials', 'authorization_code'], {
    error: (issue) => (issue.input === undefined ? 'is required' : "must be 'client_credentials' or 'authorization_code'"),
  }),
  tokenUrl: z.url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? 'is required' : 'must be an http(s) URL') }),
  clientId: required,
  clientSecret: text,
  scope: text.optional(),
  accessToken: text.optional(),
  refreshToken: text.optional(),
  expiresAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  clientAuth: z.enum(['body', 'basic'], { error: "must be 'body' or 'basic'" }).default('body'),
});

/** A client certificate and its private key, as PEM text. */
export const CertificateDataSchema = z.looseObject({ cert: pem, key: pem, ca: pem.optional(), passphrase: text.optional() });

/** Checked data of each connection type, defaults filled in. */
export type BasicData = z.infer<typeof BasicDataSchema>;
export type ApiKeyData = z.infer<typeof ApiKeyDataSchema>;
export type OAuth2Data = z.infer<typeof OAuth2DataSchema>;
export type CertificateData = z.infer<typeof CertificateDataSchema>;

/** A connection id: Make's numeric id (a number is turned into its digits) or any non-empty text. */
export const ConnectionIdSchema = z.union([z.int().nonnegative().transform(String), text.trim().min(1, { error: 'must not be empty' })], {
  error: 'must be digits or non-empty text',
});

const name = required;

/** One connection record, checked per type; `data` gets its defaults filled in. */
export const ConnectionRecordSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ id: ConnectionIdSchema, type: z.literal('basic'), name, data: BasicDataSchema }),
    z.object({ id: ConnectionIdSchema, type: z.literal('apiKey'), name, data: ApiKeyDataSchema }),
    z.object({ id: ConnectionIdSchema, type: z.literal('oauth2'), name, data: OAuth2DataSchema }),
    z.object({ id: ConnectionIdSchema, type: z.literal('certificate'), name, data: CertificateDataSchema }),
  ],
  { error: `must be one of ${CONNECTION_TYPES.join(', ')}` },
);

/** A checked connection record. */
export type ValidConnectionRecord = z.infer<typeof ConnectionRecordSchema>;
