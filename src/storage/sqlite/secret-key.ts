// Where the SQLite store's secret key comes from: REMAKE_SECRET_KEY (64 hex chars or base64 of 32 bytes), or else
// a `secret.key` file next to the database, created with 32 random bytes (mode 0600) the first time it is needed.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RemakeError } from '../../shared/errors.ts';
import { SECRET_KEY_BYTES } from '../secret-box.ts';

/** The environment variable that overrides the key file. */
export const SECRET_KEY_ENV = 'REMAKE_SECRET_KEY';
/** The key file's name, in the database's folder. */
export const SECRET_KEY_FILE = 'secret.key';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Parses key text (64 hex characters or base64 of 32 bytes); `where` names the source in the error. */
export function parseSecretKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_KEY.test(trimmed)) {
    const key = Buffer.from(trimmed, trimmed.includes('-') || trimmed.includes('_') ? 'base64url' : 'base64');
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  throw new RemakeError('SECRET_KEY_INVALID', `${where} must hold 64 hex characters or the base64 of ${SECRET_KEY_BYTES} bytes.`);
}

/** Options of {@link resolveSecretKey}. */
export interface ResolveSecretKeyOptions {
  /** The SQLite file; the key file sits in its folder. `:memory:` without the env var gets a random key. */
  readonly databaseFile: string;
  /** Where REMAKE_SECRET_KEY is read from; `process.env` when not given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The key for `databaseFile`: the env var when set, else the key file (created when missing). */
export function resolveSecretKey(options: ResolveSecretKeyOptions): Buffer {
  const fromEnv = (options.env ?? process.env)[SECRET_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseSecretKey(fromEnv, `The environment variable ${SECRET_KEY_ENV}`);
  if (options.databaseFile === ':memory:') return randomBytes(SECRET_KEY_BYTES);
  const file = join(dirname(options.databaseFile), SECRET_KEY_FILE);
  try {
    // 'wx' fails when the file exists, so two processes racing here cannot overwrite each other's key.
    writeFileSync(file, `${randomBytes(SECRET_KEY_BYTES).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) {
      throw new RemakeError('SECRET_KEY_UNAVAILABLE', `Cannot create the secret key file ${file}: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
    }
  }
  return parseSecretKey(readFileSync(file, 'utf8'), `The secret key file ${file}`);
}
