import { scrypt } from 'node:crypto';

/** scrypt's cost: N = 2^logN, block size r, parallelism p. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

/** The cost for the passphrase (issue 5): N = 2^17, r = 8, p = 1, about 128 MiB and a few tenths of a second. */
export const PASSPHRASE_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

/**
 * The cost for the recovery key. It carries 160 random bits, so no amount of
 * stretching changes how hard it is to guess; scrypt is kept only so both
 * wraps share one format, and a cheap N keeps recovery quick on old laptops.
 */
export const RECOVERY_KEY_COST: ScryptCost = { logN: 14, r: 8, p: 1 };

/** Bytes of the random salt stored with each wrap. */
export const SALT_BYTES = 16;

const WRAP_KEY_BYTES = 32;

/** Derives the 32-byte key that wraps the data key, without blocking the event loop. */
export function deriveWrapKey(secret: Buffer, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // scrypt needs 128·N·r bytes; Node's default 32 MiB ceiling is below what N = 2^17 needs.
  const maxmem = 2 * 128 * N * cost.r * cost.p;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, WRAP_KEY_BYTES, { N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
