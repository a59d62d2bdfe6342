import { createHash, randomBytes } from 'node:crypto';
import { TriptychError } from '../../shared/ipc/result';

/** Random bytes in a recovery key: 160 bits, out of reach of any guessing. */
export const RECOVERY_KEY_BYTES = 20;

// Crockford's base32 leaves out I, L, O and U, so what is written down by hand
// cannot be misread as another character.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;
const KEY_CHARACTERS = (RECOVERY_KEY_BYTES * 8) / 5;
const CHECK_CHARACTERS = GROUP;
const TOTAL_CHARACTERS = KEY_CHARACTERS + CHECK_CHARACTERS;
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** A fresh recovery key's random bytes. */
export function newRecoveryKeyBytes(): Buffer {
  return randomBytes(RECOVERY_KEY_BYTES);
}

/** Renders recovery-key bytes as nine dash-separated groups of four, the last a checksum, e.g. "7K3M-…-Q2XD". */
export function formatRecoveryKey(bytes: Buffer): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error(`A recovery key has ${RECOVERY_KEY_BYTES} bytes, not ${bytes.length}`);
  const characters = toBase32(bytes) + checksum(bytes);
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}

/**
 * Reads a recovery key as typed or copied back: case, spaces and dashes do
 * not matter, and O, I, L are read as 0, 1, 1. A wrong length or a failed
 * checksum is refused with a message that says what to check.
 */
export function parseRecoveryKey(typed: string): Buffer {
  const characters = typed
    .toUpperCase()
    .replace(/[\s\-–—]/g, '')
    .replace(/[OIL]/g, (letter) => LOOK_ALIKES[letter] ?? letter);
  const stray = [...characters].find((character) => !ALPHABET.includes(character));
  if (stray !== undefined) {
    throw new TriptychError('invalid-request', `A recovery key is made of the digits 0–9 and the letters A–Z without U; "${stray}" is not one of them.`);
  }
  if (characters.length !== TOTAL_CHARACTERS) {
    throw new TriptychError(
      'invalid-request',
      `A recovery key has ${TOTAL_CHARACTERS} letters and digits (nine groups of four); this one has ${characters.length}. Check for a missing or extra group.`,
    );
  }
  const bytes = fromBase32(characters.slice(0, KEY_CHARACTERS));
  if (checksum(bytes) !== characters.slice(KEY_CHARACTERS)) {
    throw new TriptychError('invalid-request', 'That recovery key has a typo: its last group does not match the others. Check each group against the sheet you wrote it on.');
  }
  return bytes;
}

function checksum(bytes: Buffer): string {
  return toBase32(createHash('sha256').update('triptych recovery key').update(bytes).digest()).slice(0, CHECK_CHARACTERS);
}

function toBase32(bytes: Buffer): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function fromBase32(characters: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of characters) {
    buffer = (buffer << 5) | ALPHABET.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}
