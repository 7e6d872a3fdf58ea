// Byte helpers for Make's buffer type, on web-standard APIs only (iml/ must also run in the browser).
import type { Binary } from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function isBinary(value: unknown): value is Binary {
  return value instanceof Uint8Array;
}

export function utf8Encode(text: string): Binary {
  return encoder.encode(text);
}

export function utf8Decode(bytes: Binary): string {
  return decoder.decode(bytes);
}

export function toHex(bytes: Binary): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Decodes hex text; returns undefined when it is not hex. */
export function fromHex(text: string): Binary | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) return undefined;
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Latin-1 "binary string" of the bytes, the form btoa() takes. */
export function toLatin1(bytes: Binary): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

export function fromLatin1(text: string): Binary {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

export function toBase64(bytes: Binary): string {
  return btoa(toLatin1(bytes));
}

/** Decodes base64 (standard or URL-safe, padding optional); undefined when the text is not base64. */
export function fromBase64(text: string): Binary | undefined {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (/[^A-Za-z0-9+/=]/.test(clean)) return undefined;
  const padded = clean.padEnd(Math.ceil(clean.length / 4) * 4, '=');
  try {
    return fromLatin1(atob(padded));
  } catch {
    return undefined;
  }
}

/** How Make's execution inspector prints a buffer: `IMTBuffer(<bytes>, binary): <hex>`. */
export function describeBinary(bytes: Binary): string {
  const preview = toHex(bytes.subarray(0, 64));
  return `IMTBuffer(${bytes.length}, binary): ${preview}${bytes.length > 64 ? '…' : ''}`;
}
