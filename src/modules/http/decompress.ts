// Decodes a response body by its Content-Encoding (gzip, deflate, br), as Make's "Request compressed content" implies.
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const inflateRawAsync = promisify(inflateRaw);
const brotliAsync = promisify(brotliDecompress);

async function decodeOne(encoding: string, body: Buffer): Promise<Buffer> {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipAsync(body);
    case 'deflate':
      // Some servers send raw deflate without the zlib wrapper.
      return inflateAsync(body).catch(() => inflateRawAsync(body));
    case 'br':
      return brotliAsync(body);
    default:
      return body;
  }
}

/**
 * The body with every listed encoding undone, last applied first. A body that does not decode is returned as it
 * came (GUESS: better raw bytes than a failed module when a server mislabels its content).
 */
export async function decompressBody(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  if (!contentEncoding || body.length === 0) return body;
  const encodings = contentEncoding.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '' && item !== 'identity');
  let decoded = body;
  try {
    for (const encoding of encodings.reverse()) decoded = await decodeOne(encoding, decoded);
    return decoded;
  } catch {
    return body;
  }
}
