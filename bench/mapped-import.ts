import fs from 'node:fs';
import { row } from './data';
import { median, ok, request } from './http';
import { createPlan, freshDb, startSignedIn, type ServerProcess } from './server';

// The mapped import (docs/domain.md#mapped-imports) of a million-row Meta Business Suite export
// through the API's steps (upload, mapping with its preview, commit), side by side with the plain
// import of the same number of rows in Handover's CSV: rows per second and the server's peak RSS.
// Each repetition runs both on fresh databases and servers, alternating which goes first.

const MB = 1024 * 1024;
const PAGES = ['104200000000001', '104200000000002', '104200000000003', '104200000000004', '104200000000005'];
const META_HEADER = 'Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,"Reactions, Comments and Shares"';
/** The plan's open uploads may hold the whole file (IMPORT_MAX_MB defaults to 200). */
const SERVER_ENV = { IMPORT_MAX_MB: '1024' };

const two = (n: number) => String(n).padStart(2, '0');

/** Rows [0, n) as Meta's Facebook content export: the same instants as bench/data.ts, in `MM/DD/YYYY HH:mm` UTC. */
export async function writeMetaCsv(file: string, n: number, endDay: Date): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write(`\uFEFF${META_HEADER}\n`);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const d = new Date(row(i, n, endDay).publishedAt);
    const at = `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    const page = PAGES[i % PAGES.length]!;
    // Meta's post ids are fixed-width numbers that grow with time, as in the fixtures (900000000000001, ...).
    const post = 900_000_000_000_000 + i;
    chunk += `${page}_${post},${page},Café Nord,Post ${i},"Menu, week ${i % 52}",,${at},https://www.facebook.com/${page}/posts/${post},Photo,,Lifetime,${i % 997},${i % 631},${i % 41}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return fs.statSync(file).size;
}

type Run = { rowsPerSecond: number; seconds: number; peakRssMB: number; steps?: Record<string, number> };

async function onFreshServer<T>(fn: (server: ServerProcess, token: string, planId: string) => Promise<T>): Promise<T> {
  const db = await freshDb('sqlite');
  const { server, token } = await startSignedIn(db.url, SERVER_ENV);
  try {
    return await fn(server, token, await createPlan(server, token, 'bench'));
  } finally {
    await server.stop();
    await db.drop();
  }
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function plainRun(file: string, rows: number): Promise<Run> {
  return onFreshServer(async (server, token, planId) => {
    const started = process.hrtime.bigint();
    const res = await request(server.url, 'POST', `/api/v1/plans/${planId}/posts/import`, { token, file });
    const s = seconds(started);
    if (res.status !== 200 || (JSON.parse(res.body) as { inserted: number }).inserted !== rows) throw new Error(`plain import -> ${res.status}: ${res.body.slice(0, 300)}`);
    return { rowsPerSecond: rows / s, seconds: s, peakRssMB: server.memory().peak / MB };
  });
}

async function mappedRun(file: string, rows: number): Promise<Run> {
  return onFreshServer(async (server, token, planId) => {
    const base = `/api/v1/plans/${planId}/imports`;
    const started = process.hrtime.bigint();
    const upload = await ok<{ id: string; suggestedPreset?: string }>(server.url, 'POST', base, { token, file, contentType: 'text/csv' });
    if (upload.suggestedPreset !== 'meta_facebook') throw new Error(`the upload suggested ${upload.suggestedPreset}`);
    const uploaded = seconds(started);
    const preview = await ok<{ valid: number }>(server.url, 'PUT', `${base}/${upload.id}/mapping`, {
      token,
      json: { preset: 'meta_facebook', timeZone: 'UTC', defaultSide: 'agency' },
    });
    if (preview.valid !== rows) throw new Error(`the preview found ${preview.valid} of ${rows} rows valid`);
    const mapped = seconds(started);
    const res = await request(server.url, 'POST', `${base}/${upload.id}/commit`, { token });
    let result: { inserted: number } | undefined;
    if (res.status === 200) result = JSON.parse(res.body) as { inserted: number };
    else if (res.status !== 202) throw new Error(`commit -> ${res.status}: ${res.body.slice(0, 300)}`);
    while (!result) {
      await new Promise((r) => setTimeout(r, 200));
      const status = await ok<{ status: string; result?: { inserted: number }; error?: unknown }>(server.url, 'GET', `${base}/${upload.id}`, { token });
      if (status.error) throw new Error(`commit failed: ${JSON.stringify(status.error)}`);
      result = status.result;
    }
    const s = seconds(started);
    if (result.inserted !== rows) throw new Error(`the mapped import stored ${result.inserted} of ${rows} rows`);
    return { rowsPerSecond: rows / s, seconds: s, peakRssMB: server.memory().peak / MB, steps: { upload: uploaded, mapping: mapped - uploaded, commit: s - mapped } };
  });
}

export type MappedImportResult = {
  rows: number;
  metaFileMB: number;
  plain: { rowsPerSecond: number; peakRssMB: number };
  mapped: { rowsPerSecond: number; peakRssMB: number; steps: Record<string, number> };
  ratio: number;
  runs: Array<{ plain: Run; mapped: Run }>;
};

export async function benchMappedImport(
  files: { plain: string; meta: string },
  rows: number,
  reps: number,
  endDay: Date,
  log: (s: string) => void,
): Promise<MappedImportResult> {
  log(`mapped-import: writing ${rows} rows as a Meta Facebook export ...`);
  const metaBytes = await writeMetaCsv(files.meta, rows, endDay);
  const runs: MappedImportResult['runs'] = [];
  for (let rep = 1; rep <= reps; rep++) {
    const order = rep % 2 ? (['plain', 'mapped'] as const) : (['mapped', 'plain'] as const);
    const got: Partial<{ plain: Run; mapped: Run }> = {};
    for (const side of order) {
      got[side] = side === 'plain' ? await plainRun(files.plain, rows) : await mappedRun(files.meta, rows);
      log(`mapped-import ${rep}/${reps} ${side}: ${Math.round(got[side]!.rowsPerSecond)} rows/s in ${got[side]!.seconds.toFixed(1)} s, peak RSS ${Math.round(got[side]!.peakRssMB)} MB${got[side]!.steps ? ` ${JSON.stringify(got[side]!.steps)}` : ''}`);
    }
    runs.push(got as { plain: Run; mapped: Run });
  }
  const med = (pick: (r: { plain: Run; mapped: Run }) => number) => median(runs.map(pick));
  const stepNames = Object.keys(runs[0]!.mapped.steps ?? {});
  const plain = { rowsPerSecond: Math.round(med((r) => r.plain.rowsPerSecond)), peakRssMB: Math.round(med((r) => r.plain.peakRssMB)) };
  const mapped = {
    rowsPerSecond: Math.round(med((r) => r.mapped.rowsPerSecond)),
    peakRssMB: Math.round(med((r) => r.mapped.peakRssMB)),
    steps: Object.fromEntries(stepNames.map((k) => [k, Math.round(med((r) => r.mapped.steps![k]!) * 10) / 10])),
  };
  return { rows, metaFileMB: Math.round(metaBytes / MB), plain, mapped, ratio: Math.round((mapped.rowsPerSecond / plain.rowsPerSecond) * 100) / 100, runs };
}

export function mappedImportTable(r: MappedImportResult): string {
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  const lines = [
    `| mapped import, ${r.rows.toLocaleString('en')} rows (Meta CSV ${r.metaFileMB} MB), SQLite | measured | target | met |`,
    '|---|---|---|---|',
    `| plain import (POST /posts/import) | ${r.plain.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${r.plain.peakRssMB} MB | | |`,
    `| mapped: upload + mapping (preview) + commit | ${r.mapped.rowsPerSecond.toLocaleString('en')} rows/s | >= 0.8x plain | ${yes(r.ratio >= 0.8)} (${r.ratio}x) |`,
    `| mapped: seconds per step (median) | ${Object.entries(r.mapped.steps).map(([k, v]) => `${k} ${v} s`).join(', ')} | | |`,
    `| mapped: server peak RSS (VmHWM) | ${r.mapped.peakRssMB} MB | <= 300 MB | ${yes(r.mapped.peakRssMB <= 300)} |`,
  ];
  return lines.join('\n');
}
