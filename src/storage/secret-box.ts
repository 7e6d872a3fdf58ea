// Authenticated encryption for secrets at rest (connection data): AES-256-GCM with a random 12-byte IV per seal.
// Sealed text is `v1.<iv>.<tag>.<ciphertext>` in base64url, so it fits a TEXT column and is self-describing.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { RemakeError } from '../shared/errors.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Length of the key {@link seal} and {@link open} take: 32 bytes (AES-256). */
export const SECRET_KEY_BYTES = 32;

function checkKey(key: Buffer): void {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new RemakeError('SECRET_KEY_INVALID', `The secret key must be ${SECRET_KEY_BYTES} bytes long, not ${key.length}.`);
  }
}

/**
 * Encrypts `plaintext` with `key` (32 bytes). `associatedData`, when given, is authenticated but not stored:
 * {@link open} must be given the same text (the store passes the row id, so sealed data cannot be moved between rows).
 */
export function seal(plaintext: string, key: Buffer, associatedData?: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/**
 * Decrypts text made by {@link seal}. Malformed text is a `SECRET_MALFORMED` error; a wrong key, wrong
 * associated data or altered text is a `SECRET_OPEN_FAILED` error (GCM's tag check), never garbage.
 */
export function open(sealed: string, key: Buffer, associatedData?: string): string {
  checkKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new RemakeError('SECRET_MALFORMED', `Sealed text does not start with '${VERSION}.' followed by IV, tag and ciphertext.`);
  }
  const [, ivText = '', tagText = '', bodyText = ''] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new RemakeError('SECRET_MALFORMED', `Sealed text has a ${iv.length}-byte IV and a ${tag.length}-byte tag; expected ${IV_BYTES} and ${TAG_BYTES}.`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new RemakeError('SECRET_OPEN_FAILED', 'Cannot decrypt sealed data: the secret key is wrong or the data was altered.', {}, { cause: error });
  }
}
