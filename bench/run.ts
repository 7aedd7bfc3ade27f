/**
 * npm run bench [-- --pg | --pg-only] [--only server|csv|import-latency|mapped-import] [--rows N] [--import-reps N] [--latency-reps N]
 *                 [--rps-reps N] [--duration S] [--csv-reps N] [--idle-samples N]
 *
 * Three cases: `server` (import, latency and requests per second against the real server), `csv`
 * (the hand-written CSV reader against csv-parse on the same million-row file, in this process)
 * and `import-latency` (GET latency while idle and during a million-row import on SQLite, side by
 * side; bench/import-latency.ts) and `mapped-import` (a Meta-shaped export through upload, mapping
 * and commit next to the plain import, on SQLite; bench/mapped-import.ts). `--only` takes one or a
 * comma-separated list. On PostgreSQL the import is set against a raw COPY of the same rows into the
 * same schema (bench/pg-baselines.ts), measured in the same repetition (docs/performance.md#postgresql-import).
 * A benchmark, not a test: it starts the built server (node api/dist/main.js) as a child process on
 * a fresh database, measures, prints a table and writes bench/results.json. Every ratio is measured
 * side by side in the same run, alternating the two sides, and each figure is the median of the
 * repetitions.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newId as uuidv7 } from '../api/src/core/ids';
import { CSV_PARSE_VERSION, KEEP_RATIO, benchCsvReaders, type CsvReadersResult } from './csv-readers';
import { dashboardInitialJs, type DashboardSize } from './dashboard';
import { row, todayUtc, writeCsv } from './data';
import { latencies, median, ok, percentile, request } from './http';
import { benchImportLatency, importLatencyTable, type ImportLatencyResult } from './import-latency';
import { benchMappedImport, mappedImportTable, type MappedImportResult } from './mapped-import';
import { rawPgCopyRate, rawPgInsertRate } from './pg-baselines';
import { ROOT, createPlan, ensureBuilt, freshDb, startHello, startSignedIn, type ServerProcess } from './server';

const CASES = ['server', 'csv', 'import-latency', 'mapped-import'] as const;
type Case = (typeof CASES)[number];

type Options = {
  cases: Case[];
  dialects: Array<'sqlite' | 'postgres'>;
  rows: number;
  smallRows: number;
  importReps: number;
  latencyReps: number;
  latencySamples: number;
  rpsReps: number;
  duration: number;
  csvReps: number;
  idleSamples: number;
};

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
    return n;
  };
  const only = argv.indexOf('--only');
  const cases = only < 0 ? [...CASES] : (argv[only + 1] ?? '').split(',');
  for (const c of cases) if (!(CASES as readonly string[]).includes(c)) throw new Error(`--only takes ${CASES.join(' or ')}, not "${c}"`);
  const dialects: Options['dialects'] = argv.includes('--pg-only') ? ['postgres'] : argv.includes('--pg') ? ['sqlite', 'postgres'] : ['sqlite'];
  return {
    cases: cases as Case[],
    dialects,
    rows: value('--rows', 1_000_000),
    smallRows: value('--small-rows', 10_000),
    importReps: value('--import-reps', 3),
    latencyReps: value('--latency-reps', 5),
    latencySamples: value('--latency-samples', 60),
    rpsReps: value('--rps-reps', 3),
    duration: value('--duration', 8),
    csvReps: value('--csv-reps', 5),
    idleSamples: value('--idle-samples', 500),
  };
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const MB = 1024 * 1024;

/** The baseline: the same rows into the same schema (migrated, same indexes) with one prepared statement, one transaction. */
async function rawInsertRate(rows: number, endDay: Date): Promise<number> {
  const db = await freshDb('sqlite');
  try {
    const { server, token } = await startSignedIn(db.url);
    const planId = await createPlan(server, token, 'raw');
    await server.stop();
    const conn = new Database(db.url.slice('sqlite:'.length));
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
    const createdAt = new Date().toISOString();
    const data: string[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const r = row(i, rows, endDay);
      data[i] = [uuidv7(), planId, r.channel, r.publishedAt, r.source, r.externalId, r.author, createdAt];
    }
    const stmt = conn.prepare(
      'INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAll = conn.transaction((all: string[][]) => {
      for (const r of all) stmt.run(r);
    });
    const started = process.hrtime.bigint();
    insertAll(data);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    conn.close();
    return rows / seconds;
  } finally {
    await db.drop();
  }
}

type ImportRun = { rowsPerSecond: number; seconds: number; peakRssBytes: number; inserted: number };

async function importThroughApi(server: ServerProcess, token: string, planId: string, file: string, rows: number): Promise<ImportRun> {
  const started = process.hrtime.bigint();
  const res = await request(server.url, 'POST', `/api/v1/plans/${planId}/posts/import`, { token, file });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (res.status !== 200) throw new Error(`import -> ${res.status}: ${res.body.slice(0, 500)}`);
  const body = JSON.parse(res.body) as { inserted: number };
  if (body.inserted !== rows) throw new Error(`import stored ${body.inserted} of ${rows} rows`);
  return { rowsPerSecond: rows / seconds, seconds, peakRssBytes: server.memory().peak, inserted: body.inserted };
}

async function autocannonRps(url: string, token: string | undefined, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (result.non2xx || result.errors) throw new Error(`autocannon on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

type LatencyFigures = { medianMs: number; p95Ms: number };

type DialectResult = {
  dialect: 'sqlite' | 'postgres';
  import: {
    rows: number;
    apiRowsPerSecond: number;
    rawRowsPerSecond: number;
    ratio: number;
    /** PostgreSQL only: plain INSERTs of the same rows through pg, and the import against them. */
    rawPgRowsPerSecond?: number;
    ratioToRawPg?: number;
    /** PostgreSQL only: one COPY of the same rows into the same schema (the ceiling), and the import against it. */
    rawCopyRowsPerSecond?: number;
    ratioToCopy?: number;
    runs: Array<{
      apiRowsPerSecond: number;
      rawRowsPerSecond: number;
      rawPgRowsPerSecond?: number;
      rawCopyRowsPerSecond?: number;
      seconds: number;
      peakRssMB: number;
      /** The machine's 1-minute load average when the repetition started and ended. */
      load: [number, number];
    }>;
    peakRssMB: number;
  };
  latency: Record<'summary' | 'share', { small: LatencyFigures; large: LatencyFigures; ratio: number }> & { smallRows: number };
  milestones: {
    rps: number;
    helloRps: number;
    ratio: number;
    /** Context: a bare Express app serving the same 50-milestone page from memory. */
    pageRps: number;
    pageRatio: number;
    runs: Array<{ rps: number; helloRps: number; pageRps: number }>;
  };
};

async function benchDialect(dialect: 'sqlite' | 'postgres', o: Options, csv: { large: string; small: string }, endDay: Date): Promise<DialectResult> {
  const runs: DialectResult['import']['runs'] = [];
  let kept: { server: ServerProcess; token: string; db: Awaited<ReturnType<typeof freshDb>>; largePlan: string } | null = null;
  try {
    for (let rep = 1; rep <= o.importReps; rep++) {
      const loadBefore = os.loadavg()[0]!;
      log(`[${dialect}] import ${rep}/${o.importReps} (load average ${round(loadBefore, 2)}): raw better-sqlite3 insert of ${o.rows} rows ...`);
      const raw = await rawInsertRate(o.rows, endDay);
      log(`[${dialect}]   raw ${Math.round(raw)} rows/s`);
      let rawPg: number | undefined;
      let rawCopy: number | undefined;
      if (dialect === 'postgres') {
        rawPg = await rawPgInsertRate(o.rows, endDay);
        log(`[${dialect}]   raw PostgreSQL INSERTs ${Math.round(rawPg)} rows/s`);
        rawCopy = await rawPgCopyRate(o.rows, endDay);
        log(`[${dialect}]   raw PostgreSQL COPY ${Math.round(rawCopy)} rows/s`);
      }
      log(`[${dialect}]   now through POST /posts/import ...`);
      const db = await freshDb(dialect);
      const { server, token } = await startSignedIn(db.url);
      const planId = await createPlan(server, token, 'large');
      const run = await importThroughApi(server, token, planId, csv.large, o.rows);
      log(`[${dialect}]   api ${Math.round(run.rowsPerSecond)} rows/s in ${round(run.seconds)} s, peak RSS ${round(run.peakRssBytes / MB)} MB`);
      runs.push({
        apiRowsPerSecond: run.rowsPerSecond,
        rawRowsPerSecond: raw,
        rawPgRowsPerSecond: rawPg,
        rawCopyRowsPerSecond: rawCopy,
        seconds: run.seconds,
        peakRssMB: run.peakRssBytes / MB,
        load: [round(loadBefore, 2), round(os.loadavg()[0]!, 2)],
      });
      if (rep < o.importReps) {
        await server.stop();
        await db.drop();
      } else {
        kept = { server, token, db, largePlan: planId };
      }
    }
    const { server, token } = kept!;

    // Latency: a small plan next to the large one, in the same database.
    const smallPlan = await createPlan(server, token, 'small');
    await ok(server.url, 'POST', `/api/v1/plans/${smallPlan}/posts/import`, { token, file: csv.small });
    const to = new Date(endDay.getTime() - 86_400_000).toISOString().slice(0, 10);
    const from = new Date(endDay.getTime() - 51 * 7 * 86_400_000).toISOString().slice(0, 10);
    const paths = {
      summary: (plan: string) => `/api/v1/plans/${plan}/summary`,
      share: (plan: string) => `/api/v1/plans/${plan}/posts/share?interval=week&from=${from}&to=${to}`,
    };
    const samples: Record<string, { medians: number[]; p95s: number[] }> = {};
    for (const key of ['summary', 'share'] as const) {
      for (const size of ['small', 'large'] as const) {
        await latencies(server.url, paths[key](size === 'small' ? smallPlan : kept!.largePlan), token, 20); // warm-up
        samples[`${key}.${size}`] = { medians: [], p95s: [] };
      }
    }
    for (let rep = 0; rep < o.latencyReps; rep++) {
      for (const key of ['summary', 'share'] as const) {
        for (const size of ['small', 'large'] as const) {
          const times = await latencies(server.url, paths[key](size === 'small' ? smallPlan : kept!.largePlan), token, o.latencySamples);
          samples[`${key}.${size}`]!.medians.push(percentile(times, 50));
          samples[`${key}.${size}`]!.p95s.push(percentile(times, 95));
        }
      }
    }
    const figures = (key: string): LatencyFigures => ({
      medianMs: round(median(samples[key]!.medians), 2),
      p95Ms: round(median(samples[key]!.p95s), 2),
    });
    const latency = {
      smallRows: o.smallRows,
      summary: { small: figures('summary.small'), large: figures('summary.large'), ratio: 0 },
      share: { small: figures('share.small'), large: figures('share.large'), ratio: 0 },
    };
    latency.summary.ratio = round(latency.summary.large.medianMs / latency.summary.small.medianMs, 2);
    latency.share.ratio = round(latency.share.large.medianMs / latency.share.small.medianMs, 2);
    log(`[${dialect}] latency: ${JSON.stringify(latency)}`);

    // Requests per second: GET /milestones (50 items) against a bare Express hello-world, alternating.
    const msPlan = await createPlan(server, token, 'milestones');
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const dependsOn = ids.length && i % 3 === 0 ? [ids[ids.length - 1]!] : [];
      const m = await ok<{ id: string }>(server.url, 'POST', `/api/v1/plans/${msPlan}/milestones`, {
        token,
        json: {
          title: `Milestone ${String(i).padStart(2, '0')}`,
          description: 'Roll out the internal network to the next department and train its champions.',
          phase: (['internal_network', 'outward_presence', 'agency_exit'] as const)[i % 3],
          dueDate: new Date(Date.UTC(2026, 0, 5 + i * 3)).toISOString().slice(0, 10),
          weight: 1 + (i % 5),
          dependsOn,
        },
      });
      ids.push(m.id);
    }
    const listUrl = `${server.url}/api/v1/plans/${msPlan}/milestones?limit=50`;
    const listed = await ok<{ items: unknown[] }>(server.url, 'GET', `/api/v1/plans/${msPlan}/milestones?limit=50`, { token });
    if (listed.items.length !== 50) throw new Error(`expected 50 milestones, got ${listed.items.length}`);
    const bodyFile = path.join(os.tmpdir(), `handover-bench-page-${process.pid}.json`);
    fs.writeFileSync(bodyFile, JSON.stringify(listed));
    const hello = await startHello(bodyFile);
    const rpsRuns: DialectResult['milestones']['runs'] = [];
    try {
      await autocannonRps(`${hello.url}/hello`, undefined, 2); // warm-up all three
      await autocannonRps(`${hello.url}/page`, undefined, 2);
      await autocannonRps(listUrl, token, 2);
      for (let rep = 0; rep < o.rpsReps; rep++) {
        const helloRps = await autocannonRps(`${hello.url}/hello`, undefined, o.duration);
        const rps = await autocannonRps(listUrl, token, o.duration);
        const pageRps = await autocannonRps(`${hello.url}/page`, undefined, o.duration);
        log(`[${dialect}] rps ${rep + 1}/${o.rpsReps}: milestones ${Math.round(rps)}/s, hello-world ${Math.round(helloRps)}/s, bare Express with the same page ${Math.round(pageRps)}/s`);
        rpsRuns.push({ rps, helloRps, pageRps });
      }
    } finally {
      await hello.stop();
      fs.rmSync(bodyFile, { force: true });
    }
    const rps = median(rpsRuns.map((r) => r.rps));
    const helloRps = median(rpsRuns.map((r) => r.helloRps));
    const pageRps = median(rpsRuns.map((r) => r.pageRps));
    const apiRate = median(runs.map((r) => r.apiRowsPerSecond));
    const rawRate = median(runs.map((r) => r.rawRowsPerSecond));
    const rawPgRate = dialect === 'postgres' ? median(runs.map((r) => r.rawPgRowsPerSecond!)) : undefined;
    const rawCopyRate = dialect === 'postgres' ? median(runs.map((r) => r.rawCopyRowsPerSecond!)) : undefined;
    return {
      dialect,
      import: {
        rows: o.rows,
        apiRowsPerSecond: Math.round(apiRate),
        rawRowsPerSecond: Math.round(rawRate),
        ratio: round(apiRate / rawRate, 2),
        ...(rawPgRate ? { rawPgRowsPerSecond: Math.round(rawPgRate), ratioToRawPg: round(apiRate / rawPgRate, 2) } : {}),
        ...(rawCopyRate ? { rawCopyRowsPerSecond: Math.round(rawCopyRate), ratioToCopy: round(apiRate / rawCopyRate, 2) } : {}),
        runs: runs.map((r) => ({
          ...r,
          apiRowsPerSecond: Math.round(r.apiRowsPerSecond),
          rawRowsPerSecond: Math.round(r.rawRowsPerSecond),
          ...(r.rawPgRowsPerSecond ? { rawPgRowsPerSecond: Math.round(r.rawPgRowsPerSecond) } : {}),
          ...(r.rawCopyRowsPerSecond ? { rawCopyRowsPerSecond: Math.round(r.rawCopyRowsPerSecond) } : {}),
          seconds: round(r.seconds, 2),
          peakRssMB: round(r.peakRssMB),
        })),
        peakRssMB: round(Math.max(...runs.map((r) => r.peakRssMB))),
      },
      latency,
      milestones: {
        rps: Math.round(rps),
        helloRps: Math.round(helloRps),
        ratio: round(rps / helloRps, 2),
        pageRps: Math.round(pageRps),
        pageRatio: round(pageRps / helloRps, 2),
        runs: rpsRuns.map((r) => ({ rps: Math.round(r.rps), helloRps: Math.round(r.helloRps), pageRps: Math.round(r.pageRps) })),
      },
    };
  } finally {
    if (kept) {
      await kept.server.stop();
      await kept.db.drop();
    }
  }
}

type Line = [string, string, string, string];

function table(results: DialectResult[], csv: CsvReadersResult | null, dashboard: DashboardSize | null): string {
  const lines: Line[] = [['measure', 'value', 'target', 'met']];
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  for (const r of results) {
    const d = r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const l = r.latency;
    lines.push(
      [`${d}: import ${r.import.rows.toLocaleString('en')} rows, POST /posts/import`, `${r.import.apiRowsPerSecond.toLocaleString('en')} rows/s`, '', ''],
      [`${d}: raw better-sqlite3 prepared insert, same rows`, `${r.import.rawRowsPerSecond.toLocaleString('en')} rows/s`, '', ''],
      [`${d}: import / raw`, `${r.import.ratio}x`, '>= 0.5x', yes(r.import.ratio >= 0.5)],
      ...(r.import.rawPgRowsPerSecond
        ? ([
            [`${d}: raw pg INSERTs (unnest, 500 a statement), same rows`, `${r.import.rawPgRowsPerSecond.toLocaleString('en')} rows/s`, '', ''],
            [`${d}: import / raw pg INSERTs (context)`, `${r.import.ratioToRawPg}x`, '', ''],
          ] as Line[])
        : []),
      ...(r.import.rawCopyRowsPerSecond
        ? ([
            [`${d}: raw COPY into posts, same rows and indexes (the ceiling)`, `${r.import.rawCopyRowsPerSecond.toLocaleString('en')} rows/s`, '', ''],
            [`${d}: import / raw COPY`, `${r.import.ratioToCopy}x`, '>= 0.6x', yes(r.import.ratioToCopy! >= 0.6)],
          ] as Line[])
        : []),
      [`${d}: load average during the import repetitions (1 min)`, r.import.runs.map((x) => x.load.join('-')).join(', '), '', ''],
      [`${d}: server peak RSS during the import (VmHWM)`, `${r.import.peakRssMB} MB`, '<= 300 MB', yes(r.import.peakRssMB <= 300)],
    );
    for (const key of ['summary', 'share'] as const) {
      const name = key === 'summary' ? 'GET /summary' : 'GET /posts/share (52 weeks)';
      lines.push(
        [`${d}: ${name}, ${l.smallRows.toLocaleString('en')} posts`, `median ${l[key].small.medianMs} ms, p95 ${l[key].small.p95Ms} ms`, '', ''],
        [`${d}: ${name}, ${r.import.rows.toLocaleString('en')} posts`, `median ${l[key].large.medianMs} ms, p95 ${l[key].large.p95Ms} ms`, 'median <= 20 ms', yes(l[key].large.medianMs <= 20)],
        [`${d}: ${name}, large / small median`, `${l[key].ratio}x`, '<= 2x', yes(l[key].ratio <= 2)],
      );
    }
    lines.push(
      [`${d}: GET /milestones (50 items), 50 connections`, `${r.milestones.rps.toLocaleString('en')} req/s`, '', ''],
      [`${d}: bare Express hello-world, 50 connections`, `${r.milestones.helloRps.toLocaleString('en')} req/s`, '', ''],
      [`${d}: milestones / hello-world`, `${r.milestones.ratio}x`, '>= 0.5x', yes(r.milestones.ratio >= 0.5)],
      [`${d}: bare Express serving the same page (context)`, `${r.milestones.pageRps.toLocaleString('en')} req/s (${r.milestones.pageRatio}x)`, '', ''],
    );
  }
  if (dashboard) {
    lines.push([
      'dashboard initial JavaScript, gzip',
      dashboard.built ? `${round(dashboard.gzipBytes / 1024)} KiB (${dashboard.files.length} files)` : 'not built',
      '',
      '',
    ]);
  }
  if (csv) {
    const rows = csv.rows.toLocaleString('en');
    lines.push(
      [`CSV reader (ours), ${rows} rows in 64 KiB chunks`, `${csv.oursRowsPerSecond.toLocaleString('en')} rows/s`, '', ''],
      [`csv-parse ${CSV_PARSE_VERSION}, same file and chunks`, `${csv.csvParseRowsPerSecond.toLocaleString('en')} rows/s`, '', ''],
      ['ours / csv-parse (keep ours only when met)', `${csv.ratio}x`, `>= ${KEEP_RATIO}x`, yes(csv.keepOurs)],
    );
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (l: Line) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(lines[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const server = o.cases.includes('server');
  if (server || o.cases.includes('import-latency') || o.cases.includes('mapped-import')) ensureBuilt(log);
  const endDay = todayUtc();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-bench-csv-'));
  const results: DialectResult[] = [];
  let csvReaders: CsvReadersResult | null = null;
  let importLatency: ImportLatencyResult | null = null;
  let mappedImport: MappedImportResult | null = null;
  const startedAt = new Date().toISOString();
  try {
    const csv = { large: path.join(dir, 'large.csv'), small: path.join(dir, 'small.csv') };
    log(`writing ${o.rows} and ${o.smallRows} rows of CSV ...`);
    await writeCsv(csv.large, o.rows, endDay);
    await writeCsv(csv.small, o.smallRows, endDay, 's');
    if (o.cases.includes('csv')) csvReaders = await benchCsvReaders(csv.large, o.rows, o.csvReps, log);
    if (server) for (const dialect of o.dialects) results.push(await benchDialect(dialect, o, csv, endDay));
    if (o.cases.includes('import-latency')) importLatency = await benchImportLatency(csv.large, o.rows, o.idleSamples, log);
    if (o.cases.includes('mapped-import')) mappedImport = await benchMappedImport({ plain: csv.large, meta: path.join(dir, 'meta.csv') }, o.rows, o.importReps, endDay, log);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const dashboard = server ? dashboardInitialJs(path.join(ROOT, 'dashboard/dist')) : null;
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const out = { command, startedAt, finishedAt: new Date().toISOString(), machine: machine(), options: o, results, csvReaders, dashboard, importLatency, mappedImport };
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(out, null, 2)}\n`);
  const m = out.machine;
  console.log(`\n${command}\n${m.cpus} x ${m.cpuModel}, ${m.memoryGB} GB, ${m.os}, Node ${m.node}\n`);
  if (results.length || csvReaders || dashboard) console.log(table(results, csvReaders, dashboard));
  if (importLatency) console.log(`\n${importLatencyTable(importLatency)}`);
  if (mappedImport) console.log(`\n${mappedImportTable(mappedImport)}`);
  console.log('\nwritten to bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
