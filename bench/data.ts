import fs from 'node:fs';

export const CHANNELS = ['linkedin', 'x', 'instagram', 'facebook', 'tiktok'] as const;
export const SOURCES = ['agency', 'in_house', 'co_authored'] as const;
const DAY_MS = 86_400_000;

export type BenchRow = { channel: string; publishedAt: string; source: string; externalId: string; author: string };

/**
 * Row i of a deterministic ledger: posts spread evenly over `days` days ending yesterday, five
 * channels, the in-house share drifting from 10% to 90% over the span (like a real transition).
 */
export function row(i: number, n: number, endDay: Date, days = 728, tag = 'p'): BenchRow {
  const start = endDay.getTime() - days * DAY_MS;
  const at = start + Math.floor((i / n) * days * DAY_MS) + ((i * 7919) % 3_600_000);
  const progress = i / n;
  const r = ((i * 2_654_435_761) >>> 0) / 2 ** 32; // a cheap, fixed pseudo-random number in [0, 1)
  const source = r < 0.1 + 0.8 * progress ? 'in_house' : r > 0.95 ? 'co_authored' : 'agency';
  return {
    channel: CHANNELS[i % CHANNELS.length]!,
    publishedAt: new Date(at).toISOString(),
    source,
    externalId: `${tag}-${i}`,
    author: `author ${i % 40}`,
  };
}

/** Write rows [0, n) as an import CSV; returns the file size in bytes. */
export async function writeCsv(file: string, n: number, endDay: Date, tag = 'p'): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('channel,published_at,source,external_id,author\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const r = row(i, n, endDay, undefined, tag);
    chunk += `${r.channel},${r.publishedAt},${r.source},${r.externalId},${r.author}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return fs.statSync(file).size;
}

/** Today's midnight UTC: the ledger ends the day before, so "today" has a full history behind it. */
export function todayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
