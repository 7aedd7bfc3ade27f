/**
 * `import-latency`: what a large import does to everyone else. The built server on a fresh SQLite
 * database, a plan with 50 milestones; sequential GETs of its milestone list (a cached page) and of
 * one milestone (a database read every time) are timed while idle, then while a million-row
 * POST /posts/import into the same plan runs, and the two are printed side by side. A benchmark,
 * not a test: nothing here passes or fails on a figure.
 */
import { ok, percentile, request } from './http';
import { freshDb, startSignedIn, type ServerProcess } from './server';

export type LatencyPair = { samples: number; medianMs: number; p90Ms: number; p99Ms: number; maxMs: number; meanMs: number };

export type ImportLatencyResult = {
  rows: number;
  importSeconds: number;
  list: { idle: LatencyPair; during: LatencyPair };
  one: { idle: LatencyPair; during: LatencyPair };
};

const round = (n: number) => Math.round(n * 100) / 100;

function figures(times: number[]): LatencyPair {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    medianMs: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    meanMs: round(sorted.reduce((sum, t) => sum + t, 0) / Math.max(1, sorted.length)),
  };
}

async function planWithMilestones(server: ServerProcess, token: string): Promise<{ planId: string; milestoneId: string }> {
  const plan = await ok<{ id: string }>(server.url, 'POST', '/api/v1/plans', {
    token,
    json: { name: 'Import latency', brand: 'Bench', agencyName: 'Agency', startDate: '2024-01-01', targetExitDate: '2027-01-04' },
  });
  let milestoneId = '';
  for (let i = 0; i < 50; i++) {
    const m = await ok<{ id: string }>(server.url, 'POST', `/api/v1/plans/${plan.id}/milestones`, {
      token,
      json: {
        title: `Milestone ${String(i).padStart(2, '0')}`,
        phase: (['internal_network', 'outward_presence', 'agency_exit'] as const)[i % 3],
        dueDate: new Date(Date.UTC(2026, 0, 5 + i * 3)).toISOString().slice(0, 10),
        weight: 1 + (i % 5),
      },
    });
    milestoneId ||= m.id;
  }
  return { planId: plan.id, milestoneId };
}

/** Alternating GETs of the list and of one milestone until `until()` says stop (or `count` pairs were taken). */
async function sample(server: ServerProcess, token: string, paths: { list: string; one: string }, until: () => boolean, count = Infinity) {
  const list: number[] = [];
  const one: number[] = [];
  for (let i = 0; i < count && !until(); i++) {
    for (const [path, into] of [[paths.list, list], [paths.one, one]] as const) {
      const res = await request(server.url, 'GET', path, { token });
      if (res.status !== 200) throw new Error(`GET ${path} -> ${res.status}: ${res.body.slice(0, 300)}`);
      into.push(res.ms);
    }
  }
  return { list, one };
}

export async function benchImportLatency(file: string, rows: number, idleSamples: number, log: (s: string) => void): Promise<ImportLatencyResult> {
  const db = await freshDb('sqlite');
  const { server, token } = await startSignedIn(db.url);
  try {
    const { planId, milestoneId } = await planWithMilestones(server, token);
    const paths = { list: `/api/v1/plans/${planId}/milestones?limit=50`, one: `/api/v1/plans/${planId}/milestones/${milestoneId}` };
    await sample(server, token, paths, () => false, 50); // warm-up
    log(`[import-latency] idle: ${idleSamples} GETs of each ...`);
    const idle = await sample(server, token, paths, () => false, idleSamples);

    log(`[import-latency] importing ${rows.toLocaleString('en')} rows while GETting ...`);
    let done = false;
    const started = process.hrtime.bigint();
    const importing = request(server.url, 'POST', `/api/v1/plans/${planId}/posts/import`, { token, file }).finally(() => (done = true));
    const during = await sample(server, token, paths, () => done);
    const res = await importing;
    const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (res.status !== 200) throw new Error(`import -> ${res.status}: ${res.body.slice(0, 500)}`);
    const inserted = (JSON.parse(res.body) as { inserted: number }).inserted;
    if (inserted !== rows) throw new Error(`import stored ${inserted} of ${rows} rows`);
    const result = {
      rows,
      importSeconds: round(importSeconds),
      list: { idle: figures(idle.list), during: figures(during.list) },
      one: { idle: figures(idle.one), during: figures(during.one) },
    };
    log(`[import-latency] ${JSON.stringify(result)}`);
    return result;
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** The case's own table: idle and during the import, side by side. */
export function importLatencyTable(r: ImportLatencyResult): string {
  const pair = (p: LatencyPair) => `median ${p.medianMs} ms, p99 ${p.p99Ms} ms (p90 ${p.p90Ms}, mean ${p.meanMs}, max ${p.maxMs} ms, n=${p.samples})`;
  const lines = [
    ['GET (SQLite)', 'idle', `during a ${r.rows.toLocaleString('en')}-row import (${r.importSeconds} s)`],
    ['/plans/:id/milestones (50, cached page)', pair(r.list.idle), pair(r.list.during)],
    ['/plans/:id/milestones/:id (database read)', pair(r.one.idle), pair(r.one.during)],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(lines[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)].join('\n');
}
