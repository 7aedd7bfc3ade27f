import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 16 KiB at a time: one call per 1,024 ids (a million-row import makes a million). */
const pool = new Uint8Array(16 * 1024);
let taken = pool.length;
const state = { msecs: -Infinity, seq: 0 };
const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

/**
 * The 16 bytes of a UUIDv7 as text: 48-bit Unix milliseconds, version 7, a 32-bit counter across
 * rand_a and rand_b (RFC 9562 method 1, the `uuid` package's layout), then randomness.
 */
export function formatV7(msecs: number, seq: number, random: ArrayLike<number>, at = 0): string {
  const h = HEX;
  return (
    h[Math.floor(msecs / 0x10000000000) & 0xff]! + h[Math.floor(msecs / 0x100000000) & 0xff]! + h[Math.floor(msecs / 0x1000000) & 0xff]! +
    h[Math.floor(msecs / 0x10000) & 0xff]! + '-' + h[Math.floor(msecs / 0x100) & 0xff]! + h[msecs & 0xff]! + '-' +
    h[0x70 | ((seq >>> 28) & 0x0f)]! + h[(seq >>> 20) & 0xff]! + '-' + h[0x80 | ((seq >>> 14) & 0x3f)]! + h[(seq >>> 6) & 0xff]! + '-' +
    h[((seq << 2) & 0xff) | (random[at + 10]! & 0x03)]! + h[random[at + 11]!]! + h[random[at + 12]!]! + h[random[at + 13]!]! +
    h[random[at + 14]!]! + h[random[at + 15]!]!
  );
}

/**
 * The id of every new row: a UUIDv7 (RFC 9562), 48-bit Unix milliseconds then randomness, with a
 * counter so ids made in one millisecond still sort in creation order. Time-ordered ids keep inserts
 * appending to the primary-key index instead of splitting pages all over it. The same algorithm as
 * the `uuid` package's v7, with a larger pool of random bytes.
 */
export function newId(): string {
  if (taken > pool.length - 16) {
    randomFillSync(pool);
    taken = 0;
  }
  const at = taken;
  taken += 16;
  const now = Date.now();
  if (now > state.msecs) {
    state.seq = (pool[at + 6]! << 23) | (pool[at + 7]! << 16) | (pool[at + 8]! << 8) | pool[at + 9]!;
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return formatV7(state.msecs, state.seq, pool, at);
}
