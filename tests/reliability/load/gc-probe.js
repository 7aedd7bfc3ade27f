// Preloaded into the server under load (node --expose-gc -r gc-probe.js): on SIGUSR2 it runs a full
// GC and prints its memory, so the test can compare memory before and after the load. Test-only.
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  const m = process.memoryUsage();
  process.stdout.write(`\nGC-PROBE ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external })}\n`);
});
