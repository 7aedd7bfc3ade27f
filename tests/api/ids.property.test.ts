import fc from 'fast-check';
import { v7 } from 'uuid';
import { formatV7, newId } from '../../api/src/core/ids';

// Row ids are UUIDv7 laid out as the `uuid` package lays them out, and sort in creation order
// (api/src/core/ids.ts; docs/performance.md#postgresql-import says why they are made in-house).

test('When the same time, counter and random bytes are given, then the id is the one the uuid package makes', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 48 - 1 }),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
      (msecs, seq, random) => {
        expect(formatV7(msecs, seq, random)).toBe(v7({ msecs, seq, random }));
      },
    ),
    { numRuns: 5000 },
  );
});

test('When many ids are made at once, then they are distinct, version 7 and each sorts after the one before', () => {
  const ids = Array.from({ length: 50_000 }, () => newId());
  expect(new Set(ids).size).toBe(ids.length);
  for (let i = 1; i < ids.length; i++) {
    if (!(ids[i - 1]! < ids[i]!)) throw new Error(`${ids[i - 1]} is not before ${ids[i]}`);
  }
  for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const ms = parseInt(ids.at(-1)!.replaceAll('-', '').slice(0, 12), 16);
  expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
});
