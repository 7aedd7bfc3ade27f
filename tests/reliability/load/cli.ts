/**
 * npm run load [-- --seconds 30 --connections 100]
 * Starts the built server on a fresh database (SQLite; TEST_DB=postgres for PostgreSQL), warms it up,
 * then prints p50/p99 latency, throughput and memory for 100 connections of mixed reads and writes.
 */
import { describe, runLoad } from './load-run';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
}

runLoad({ seconds: option('seconds', 30), connections: option('connections', 100), log: (line) => console.log(line) })
  .then((result) => {
    console.log(describe(result));
    if (result.errors || result.timeouts || result.status5xx) process.exit(1);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
