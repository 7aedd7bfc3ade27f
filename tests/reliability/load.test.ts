import { describe as describeLoad, runLoad } from './load/load-run';
import { dialect } from './support/server';

const MB = 1024 * 1024;

test(`When 100 signed-in connections send mixed reads and writes for 30 s, then there are no errors and no 5xx, and memory after a GC is back near its baseline (${dialect})`, async () => {
  const r = await runLoad({ connections: 100, seconds: 30 });
  console.log(describeLoad(r));
  expect(r.requests).toBeGreaterThan(0);
  expect({ errors: r.errors, timeouts: r.timeouts, status5xx: r.status5xx }).toEqual({ errors: 0, timeouts: 0, status5xx: 0 });
  // Retained memory: what survives a full GC after the load, against the same after the warm-up.
  expect(r.after.heapUsed).toBeLessThanOrEqual(r.before.heapUsed * 1.25 + 16 * MB);
  expect(r.after.rss).toBeLessThanOrEqual(r.before.rss * 1.25 + 64 * MB);
});
