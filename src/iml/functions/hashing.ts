// Binary and digest functions: toBinary, md5, sha1, sha256, sha512 (with HMAC keys), on @noble/hashes.
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { toBase64, toHex, toLatin1 } from '../binary.ts';
import { isEmpty, toBinary, toText } from '../coerce.ts';
import type { Binary, ImlValue } from '../types.ts';
import { invalid } from './args.ts';
import { defineFunction, HELP, type ImlFunction } from './define.ts';

type Hash = CHash;

/** Digest output encodings Make offers: hex (default), base64, latin1. */
function encodeDigest(digest: Binary, encoding: ImlValue): string {
  const name = isEmpty(encoding) ? 'hex' : toText(encoding).toLowerCase();
  if (name === 'hex') return toHex(digest);
  if (name === 'base64') return toBase64(digest);
  if (name === 'latin1' || name === 'binary') return toLatin1(digest);
  throw invalid(`Unknown digest encoding '${toText(encoding)}'. Use hex, base64 or latin1.`);
}

/** Key bytes: key encodings text (default), hex, base64; binary keys must already be buffers. */
function keyBytes(key: ImlValue, encoding: ImlValue): Binary {
  const name = isEmpty(encoding) ? 'text' : toText(encoding).toLowerCase();
  if (name === 'binary') {
    if (!(key instanceof Uint8Array)) throw invalid('A binary HMAC key must be binary data (use toBinary()).');
    return key;
  }
  if (name === 'text') return toBinary(key, 'utf8');
  if (name === 'hex' || name === 'base64') return toBinary(toText(key), name);
  throw invalid(`Unknown key encoding '${toText(encoding)}'. Use text, hex, base64 or binary.`);
}

function digestFunction(name: string, hash: Hash, withKey: boolean, example: { expr: string; result: string }): ImlFunction {
  return defineFunction({
    name,
    family: 'text',
    signature: withKey ? `${name}(text; [encoding]; [key]; [key encoding])` : `${name}(text)`,
    description: withKey
      ? `${name.toUpperCase()} digest of the text or buffer; with a key, an HMAC. Output hex (default), base64 or latin1.`
      : `${name.toUpperCase()} digest of the text or buffer, as hex.`,
    example,
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: withKey ? 4 : 1,
    run: ([data, encoding, key, keyEncoding]) => {
      const bytes = toBinary(data ?? '', 'utf8');
      const digest = withKey && !isEmpty(key) ? hmac(hash, keyBytes(key as ImlValue, keyEncoding), bytes) : hash(bytes);
      return encodeDigest(digest, withKey ? encoding : undefined);
    },
  });
}

export const hashingFunctions: readonly ImlFunction[] = [
  digestFunction('md5', md5, false, { expr: '{{md5("Make")}}', result: '529a05ca6c1263aab080ec4f20754411' }),
  digestFunction('sha1', sha1, true, { expr: '{{sha1("Make")}}', result: 'a94431ee22f05f141107f9355ed3127d0f0c4d5a' }),
  digestFunction('sha256', sha256, true, { expr: '{{sha256("Make")}}', result: 'ccdd25d4230fb997a7ee1166f8afabd157248eb812ea55ec7c3d1b7c8af7fa11' }),
  digestFunction('sha512', sha512, true, {
    expr: '{{sha512("Make")}}',
    result:
      'e8000cd0fb8fae18caa8daa677269b0034380d3ec549e0113a0722d8b8dc05b0f7037f33f32fa09f906b2f1d7c43f2689a55d79aadf6bf09dd93f79407424d34',
  }),
  defineFunction({
    name: 'toBinary',
    family: 'text',
    signature: 'toBinary(value; [encoding])',
    description: 'The value as binary data; text is read as utf8 (default), hex or base64.',
    example: { expr: '{{toString(toBinary("TWFrZQ=="; "base64"))}}', result: 'Make' },
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: 2,
    run: ([value, encoding]) => toBinary(value, isEmpty(encoding) ? 'utf8' : toText(encoding)),
  }),
];
