import path from 'node:path';
import autocannon from 'autocannon';
import { Client, expectStatus } from '../../support/client';
import { createMilestone, createPlan } from '../../support/fixtures';
import type { Dialect } from '../../support/database';
import { ADMIN, freshStore, sleep, startServer, type ServerProcess, type Store } from '../support/server';

/**
 * 100 connections of mixed reads and writes, signed in, against the real server on loopback.
 * Shared by the load test (which asserts zero errors/5xx and the memory bound) and `npm run load`
 * (which prints the figures). Latency and throughput are measured, never asserted.
 */
export type Memory = { rss: number; heapUsed: number; external: number };

export type LoadResult = {
  dialect: string;
  /** API processes behind the one port (a Node cluster when more than one). */
  processes: number;
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  statusCodes: Record<string, number>;
  writes: number;
  before: Memory;
  after: Memory;
};

export type LoadOptions = {
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
  /** The run's (TEST_DB) unless given. */
  dialect?: Dialect;
  /** API processes sharing the one port (default 1); more than one needs PostgreSQL. */
  processes?: number;
  log?: (line: string) => void;
};

const PROBE = path.join(__dirname, 'gc-probe.js');
const CLUSTER = path.join(__dirname, 'cluster.js');

/** Full GC in every server process, then their memory summed (each printed by the preloaded probe). */
async function probe(server: ServerProcess, processes: number): Promise<Memory> {
  const seen = server.output().split('GC-PROBE ').length;
  server.signal('SIGUSR2');
  for (let attempt = 0; attempt < 200; attempt++) {
    const parts = server.output().split('GC-PROBE ');
    if (parts.length >= seen + processes) {
      const each = parts.slice(-processes).map((part) => JSON.parse(part.split('\n')[0]!) as Memory);
      return each.reduce((sum, m) => ({ rss: sum.rss + m.rss, heapUsed: sum.heapUsed + m.heapUsed, external: sum.external + m.external }));
    }
    await sleep(50);
  }
  throw new Error('the server did not answer the GC probe');
}

/** GC, let the processes settle, GC again: the memory they keep. */
async function settledMemory(server: ServerProcess, processes: number): Promise<Memory> {
  await probe(server, processes);
  await sleep(2000);
  return probe(server, processes);
}

/** One process, or `processes` of them behind one port (tests/reliability/load/cluster.js). */
function start(store: Store, processes: number): Promise<ServerProcess> {
  if (processes === 1) return startServer(store, { nodeArgs: ['--expose-gc'], preload: [PROBE] });
  if (store.config.dialect !== 'postgres') throw new Error('several processes share one database only on PostgreSQL (--pg)');
  return startServer(store, {
    entry: CLUSTER,
    env: { LOAD_PROCESSES: String(processes), LOAD_WORKER_NODE_ARGS: `--expose-gc -r ${PROBE}` },
    readyOutput: /LOAD-CLUSTER-READY/,
  });
}

async function seed(api: Client, token: string): Promise<string> {
  const plan = await createPlan(api, token, { name: 'Load' });
  const base = `/api/v1/plans/${plan.id}`;
  for (let i = 0; i < 20; i++) {
    await createMilestone(api, token, plan.id, { title: `Milestone ${i}`, phase: i % 2 ? 'outward_presence' : 'internal_network', dueDate: '2026-04-06', weight: 1 + (i % 5) });
  }
  let csv = 'channel,published_at,source,external_id,author\n';
  for (let i = 0; i < 5000; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    csv += `linkedin,2026-0${1 + (i % 6)}-${day}T10:00:00Z,${i % 3 ? 'agency' : 'in_house'},seed-${i},\n`;
  }
  expectStatus(await api.call('POST', `${base}/posts/import`, { token, raw: csv, headers: { 'Content-Type': 'text/csv' } }), 200, 'import');
  return plan.id;
}

const MONDAYS = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'];

function mix(planId: string): autocannon.Request[] {
  const base = `/api/v1/plans/${planId}`;
  let n = 0;
  const json = { 'Content-Type': 'application/json' };
  return [
    { method: 'GET', path: base },
    { method: 'GET', path: `${base}/milestones?limit=20` },
    {
      method: 'POST',
      path: `${base}/posts`,
      headers: json,
      setupRequest: (req) => {
        n++;
        const day = String(1 + (n % 28)).padStart(2, '0');
        const source = ['agency', 'in_house', 'co_authored'][n % 3];
        return { ...req, body: JSON.stringify({ channel: 'x', publishedAt: `2026-03-${day}T09:00:00Z`, source }) };
      },
    },
    { method: 'GET', path: `${base}/summary?asOf=2026-03-30` },
    { method: 'GET', path: `${base}/posts/share?interval=week&from=2026-01-05&to=2026-03-29` },
    {
      method: 'POST',
      path: `${base}/handovers`,
      headers: json,
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ title: `Task ${++n}`, channel: 'linkedin' }) }),
    },
    { method: 'GET', path: `${base}/posts?limit=20` },
    {
      method: 'POST',
      path: `${base}/adoption`,
      headers: json,
      setupRequest: (req) => {
        n++;
        return { ...req, body: JSON.stringify({ weekStart: MONDAYS[n % MONDAYS.length], activeUsers: n % 100, totalStaff: 100 }) };
      },
    },
    { method: 'GET', path: '/api/v1/me' },
  ];
}

export const WRITES_PER_MIX = 3;
export const REQUESTS_PER_MIX = 9;

/**
 * A request counts as timed out after 30 s (autocannon's default is 10 s). On the shared 2-core
 * machine, when it runs at half its usual speed, connections opened in the first seconds of a run
 * have waited up to 10 s for their first answer, with the code before and after the PostgreSQL
 * work alike: a slow answer, which the latency figures report, not a lost one.
 */
const CLIENT_TIMEOUT_SECONDS = 30;

function cannon(url: string, token: string, planId: string, connections: number, seconds: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: CLIENT_TIMEOUT_SECONDS,
    headers: { Authorization: `Bearer ${token}` },
    requests: mix(planId),
  });
}

export async function runLoad(options: LoadOptions = {}): Promise<LoadResult> {
  const connections = options.connections ?? 100;
  const seconds = options.seconds ?? 30;
  const log = options.log ?? (() => undefined);
  const processes = options.processes ?? 1;
  const store: Store = await freshStore({ dialect: options.dialect });
  let server: ServerProcess | undefined;
  try {
    server = await start(store, processes);
    const api = new Client(server.url);
    const token = await api.login(ADMIN);
    const planId = await seed(api, token);
    log(`warming up for ${options.warmupSeconds ?? 5} s`);
    await cannon(server.url, token, planId, connections, options.warmupSeconds ?? 5);
    const before = await settledMemory(server, processes);
    log(`measuring: ${connections} connections for ${seconds} s`);
    const result = await cannon(server.url, token, planId, connections, seconds);
    const after = await settledMemory(server, processes);
    const statusCodes: Record<string, number> = {};
    for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = s.count ?? 0;
    const status5xx = Object.entries(statusCodes)
      .filter(([code]) => code.startsWith('5'))
      .reduce((sum, [, count]) => sum + count, 0);
    const exit = await server.stop();
    if (exit.code !== 0) throw new Error(`the server did not stop cleanly: ${JSON.stringify(exit)}\n${server.output().slice(-2000)}`);
    return {
      dialect: store.config.dialect,
      processes,
      connections,
      seconds,
      requests: result.requests.total,
      throughput: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      status5xx,
      statusCodes,
      writes: Math.round((result.requests.total * WRITES_PER_MIX) / REQUESTS_PER_MIX),
      before,
      after,
    };
  } finally {
    await server?.kill();
    await store.drop();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function describe(r: LoadResult): string {
  return [
    `load (${r.dialect}, ${r.processes} process${r.processes === 1 ? '' : 'es'}): ${r.connections} connections for ${r.seconds} s, mixed reads and writes (${WRITES_PER_MIX} writes in ${REQUESTS_PER_MIX})`,
    `  requests ${r.requests} (~${r.writes} writes), throughput ${r.throughput.toFixed(0)} req/s`,
    `  latency p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`,
    `  errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, 5xx ${r.status5xx}, status codes ${JSON.stringify(r.statusCodes)}`,
    `  memory after GC: RSS ${mb(r.before.rss)} before, ${mb(r.after.rss)} after; heap ${mb(r.before.heapUsed)} before, ${mb(r.after.heapUsed)} after`,
  ].join('\n');
}
