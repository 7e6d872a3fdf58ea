// Reads the keychain entries (connections) HTTP modules name by id, checked against the data shape of their type.
import type { z } from 'zod';
import { MakeError } from '../../executor/make-error.ts';
import type { ModuleContext } from '../../executor/module-api.ts';
import { ApiKeyDataSchema, BasicDataSchema, CertificateDataSchema, type ApiKeyData, type BasicData, type CertificateData } from '../auth/connection-schema.ts';

type KeyType = 'basic' | 'apiKey' | 'certificate';
const LABELS: Record<KeyType, string> = { basic: 'a Basic Auth', apiKey: 'an API key', certificate: 'a client certificate' };

/**
 * The checked data of connection `id`, which must be of `type`. A blank id, an unknown id, another type or data of
 * the wrong shape is InvalidConfigurationError naming the id (the keychain is broken; a user must act).
 */
async function checkedData<T>(ctx: ModuleContext, id: string | undefined, type: KeyType, field: string, schema: z.ZodType<T>): Promise<T> {
  if (id === undefined || id.trim() === '') {
    throw new MakeError('InvalidConfigurationError', `The module needs ${LABELS[type]} keychain in parameters.${field}.`);
  }
  const record = await ctx.connections.get(id);
  if (!record) {
    throw new MakeError('InvalidConfigurationError', `Connection '${id}' does not exist. Add it with \`remake connections add\` or pass it with --connections.`);
  }
  if (record.type !== type) {
    throw new MakeError('InvalidConfigurationError', `Connection '${id}' is a ${record.type} connection, not ${LABELS[type]} one.`);
  }
  const parsed = schema.safeParse(record.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new MakeError('InvalidConfigurationError', `Connection '${id}': data.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.`);
}

/** `{username, password}` of a Basic Auth keychain. */
export function basicCredentials(ctx: ModuleContext, id: string | undefined, field: string): Promise<BasicData> {
  return checkedData(ctx, id, 'basic', field, BasicDataSchema);
}

/** `{key, placement, name}` of an API key keychain. */
export function apiKeyCredentials(ctx: ModuleContext, id: string | undefined, field: string): Promise<ApiKeyData> {
  return checkedData(ctx, id, 'apiKey', field, ApiKeyDataSchema);
}

/** `{cert, key, ca?, passphrase?}` of a client certificate keychain (mutual TLS). */
export function certificateCredentials(ctx: ModuleContext, id: string | undefined, field: string): Promise<CertificateData> {
  return checkedData(ctx, id, 'certificate', field, CertificateDataSchema);
}
