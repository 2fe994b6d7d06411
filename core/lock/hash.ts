/**
 * The app lock's password, stored only as a scrypt hash (node:crypto) with its
 * salt and cost parameters, so the cost can be raised later without breaking
 * old hashes. Verification is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHash {
  algo: 'scrypt';
  /** CPU/memory cost (power of two), block size, parallelism. */
  N: number;
  r: number;
  p: number;
  saltBase64: string;
  hashBase64: string;
}

/** 2^15 × 8 × 128 B = 32 MiB and about 0.1 s per check: slow for a guesser, quick for the clerk. */
export const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, cost: { N: number; r: number; p: number } = DEFAULT_COST): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return { algo: 'scrypt', N: cost.N, r: cost.r, p: cost.p, saltBase64: salt.toString('base64'), hashBase64: key.toString('base64') };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (stored.algo !== 'scrypt') return false;
  const expected = Buffer.from(stored.hashBase64, 'base64');
  const key = await derive(password, Buffer.from(stored.saltBase64, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
