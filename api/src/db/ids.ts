import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 1024);
let offset = pool.length;
let lastMs = 0;
let sequence = 0;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness, with a 12-bit counter so ids made
 * in the same millisecond still sort in creation order. Time-ordered ids keep bulk inserts appending
 * to the primary-key index instead of splitting pages all over it.
 */
export function uuidv7(now = Date.now()): string {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // 4096 in one ms: borrow the next ms
    now = lastMs;
  } else {
    lastMs = now;
    sequence = pool[offset]! & 0x3f; // random start leaves room to count up
  }
  const b = new Uint8Array(16);
  b[0] = (now / 2 ** 40) & 0xff;
  b[1] = (now / 2 ** 32) & 0xff;
  b[2] = (now >>> 24) & 0xff;
  b[3] = (now >>> 16) & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = 0x70 | ((sequence >>> 8) & 0x0f);
  b[7] = sequence & 0xff;
  b[8] = 0x80 | (pool[offset]! & 0x3f);
  for (let i = 9; i < 16; i++) b[i] = pool[offset + i - 8]!;
  offset += 10;
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[b[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}
