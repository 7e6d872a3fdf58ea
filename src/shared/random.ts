// Sources of randomness that can be seeded, so `random`, `uuid` and shuffle() are reproducible in tests.

export interface RandomSource {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An RFC 4122 version 4 UUID. */
  readonly uuid: () => string;
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG; plenty for reproducible test runs. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(next: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A deterministic source for a seed. */
export function seededRandom(seed: number): RandomSource {
  const next = mulberry32(seed);
  return { next, uuid: () => uuidFrom(next) };
}

/** The platform's randomness (Web Crypto for UUIDs). */
export const systemRandom: RandomSource = {
  next: Math.random,
  uuid: () => globalThis.crypto.randomUUID(),
};
