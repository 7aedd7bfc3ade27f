/**
 * npm run load [-- --seconds 30 --connections 100] [--pg] [--processes 1,2] [--reps 1]
 * Starts the built server on a fresh database (SQLite; PostgreSQL with --pg or TEST_DB=postgres),
 * warms it up, then prints p50/p99 latency, throughput and memory for 100 connections of mixed
 * reads and writes. `--processes 1,2` measures one process, then two behind one port (a Node
 * cluster, PostgreSQL only), each on its own fresh database, repeated `--reps` times in turn, and
 * prints the medians side by side (docs/performance.md#several-processes-under-load).
 */
import os from 'node:os';
import { dialect } from '../../support/database';
import { describe, runLoad, type LoadResult } from './load-run';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
}

function processCounts(): number[] {
  const i = process.argv.indexOf('--processes');
  if (i < 0) return [1];
  const counts = (process.argv[i + 1] ?? '').split(',').map(Number);
  if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--processes expects counts such as 2 or 1,2');
  return counts;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

async function main(): Promise<number> {
  const seconds = option('seconds', 30);
  const connections = option('connections', 100);
  const reps = option('reps', 1);
  const counts = processCounts();
  const db = process.argv.includes('--pg') ? 'postgres' : dialect;
  const results = new Map<number, LoadResult[]>(counts.map((n) => [n, []]));
  let failed = false;
  for (let rep = 1; rep <= reps; rep++) {
    for (const processes of counts) {
      const load = os.loadavg()[0]!.toFixed(2);
      console.log(`-- ${processes} process${processes === 1 ? '' : 'es'}, repetition ${rep}/${reps} (load average ${load})`);
      const r = await runLoad({ seconds, connections, dialect: db, processes, log: (line) => console.log(line) });
      console.log(describe(r));
      failed ||= Boolean(r.errors || r.timeouts || r.status5xx);
      results.get(processes)!.push(r);
    }
  }
  if (counts.length > 1 || reps > 1) {
    console.log(`\n${db}, ${connections} connections, ${seconds} s, medians of ${reps} (machine: ${os.cpus().length} CPUs, load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    console.log('| processes | throughput | p50 | p99 | errors, 5xx |');
    console.log('|---|---|---|---|---|');
    const one = results.get(counts[0]!)!;
    for (const [processes, rs] of results) {
      const throughput = median(rs.map((r) => r.throughput));
      const ratio = processes === counts[0] ? '' : ` (${(throughput / median(one.map((r) => r.throughput))).toFixed(2)}x)`;
      const bad = rs.map((r) => `${r.errors + r.timeouts}, ${r.status5xx}`).join('; ');
      console.log(`| ${processes} | ${throughput.toFixed(0)} req/s${ratio} | ${median(rs.map((r) => r.p50))} ms | ${median(rs.map((r) => r.p99))} ms | ${bad} |`);
    }
  }
  return failed ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
