import type { Tx } from '../data-source';
import { CopyFirst, copyRows, copyUnlessDuplicate } from '../pg-copy';

/** Reports how many posts were stored per day, channel and source. */
export type StoredCounter = (day: string, channel: string, source: string, count: number) => void;

/**
 * Up to a thousand validated rows as `COPY` text, encoded the moment they are handed over, so the
 * row objects die young while a chunk of ten thousand is gathered (docs/performance.md#postgresql-import).
 * `counts` is what the rows would add per day, source and channel; `links` their permalinks.
 */
export type CopyPiece = { size: number; text: Buffer; counts: Map<string, number>; links: string[] };

type Counted = { day: string; channel: string; source: string };
type Row = { publishedAt: string; channel: string; source: string };

/** How one kind of import lays its rows out for `posts`. */
export type CopyLayout<R extends Row> = {
  /** The `posts` columns each line fills, in order. */
  columns: readonly string[];
  /** One row as a line of COPY text (fields through `copyField`), ending in a newline. */
  line(row: R): string;
  /** A row's normalised permalink: rows whose permalink is stored are duplicates too (mapped imports). */
  link?(row: R): string | null;
};

/** In a key the channel comes last: it is free text, the day and source are not. */
const countKey = (day: string, source: string, channel: string) => `${day}${source}\u0000${channel}`;

export function encodePiece<R extends Row>(layout: CopyLayout<R>, rows: readonly R[]): CopyPiece {
  // Each line goes straight into one buffer: a string of a thousand lines built with += would be
  // flattened and encoded again as a whole, which cost a fifth of the server's time on a million rows.
  let text = Buffer.allocUnsafe(rows.length * 256);
  let used = 0;
  const counts = new Map<string, number>();
  const links: string[] = [];
  for (const r of rows) {
    const line = layout.line(r);
    if (used + line.length * 3 > text.length) {
      const grown = Buffer.allocUnsafe(Math.max(text.length * 2, used + line.length * 3));
      text.copy(grown, 0, 0, used);
      text = grown;
    }
    used += text.write(line, used);
    const key = countKey(r.publishedAt.slice(0, 10), r.source, r.channel);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const link = layout.link?.(r);
    if (link) links.push(link);
  }
  return { size: rows.length, text: text.subarray(0, used), counts, links };
}

function reportAll(pieces: readonly CopyPiece[], stored: StoredCounter): void {
  const total = new Map<string, number>();
  for (const piece of pieces) for (const [key, n] of piece.counts) total.set(key, (total.get(key) ?? 0) + n);
  for (const [key, n] of total) {
    const cut = key.indexOf('\u0000');
    stored(key.slice(0, 10), key.slice(cut + 1), key.slice(10, cut), n);
  }
}

/**
 * Stores one chunk inside the caller's transaction, skipping duplicates of `(plan, channel,
 * externalId)` and (with `link`) of a stored permalink, and reports what it stored. While chunks
 * come without duplicates the chunk is one COPY straight into `posts`; a chunk that meets one (the
 * COPY hits the unique index, or a permalink is already stored) goes, like the chunks after it
 * until one is clean, through a staging table: COPY into it, then one
 * `INSERT ... SELECT ... ORDER BY seq ON CONFLICT DO NOTHING`, so the first of two rows wins.
 */
export async function insertPieces<R extends Row>(
  m: Tx,
  layout: CopyLayout<R>,
  planId: string,
  pieces: readonly CopyPiece[],
  copyFirst: CopyFirst,
  stored: StoredCounter,
): Promise<void> {
  const size = pieces.reduce((sum, p) => sum + p.size, 0);
  if (!size) return;
  const text = pieces.map((p) => p.text);
  if (copyFirst.worthTrying) {
    const links = pieces.flatMap((p) => p.links);
    const linkTaken =
      links.length > 0 &&
      (await m.query('SELECT 1 FROM posts WHERE plan_id = $1 AND permalink = ANY($2::varchar[]) LIMIT 1', [planId, links])).length > 0;
    if (!linkTaken && (await copyUnlessDuplicate(m, 'posts', layout.columns, text))) {
      reportAll(pieces, stored);
      copyFirst.record(0);
      return;
    }
  }
  const columns = layout.columns.join(', ');
  await m.query(`CREATE TEMP TABLE post_stage (seq bigserial, ${layout.columns.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`);
  await copyRows(m, 'post_stage', layout.columns, text);
  const unlinked = layout.link
    ? 'WHERE s.permalink IS NULL OR NOT EXISTS (SELECT 1 FROM posts p WHERE p.plan_id = $1 AND p.permalink = s.permalink)'
    : '';
  const counted: Array<Counted & { n: string | number }> = await m.query(
    `WITH stored AS (
       INSERT INTO posts (${columns})
       SELECT ${columns} FROM post_stage s ${unlinked}
       ORDER BY s.seq
       ON CONFLICT DO NOTHING
       RETURNING published_at, channel, source
     )
     SELECT substr(published_at, 1, 10) AS day, channel, source, COUNT(*) AS n FROM stored GROUP BY 1, 2, 3`,
    layout.link ? [planId] : [],
  );
  let inserted = 0;
  for (const c of counted) {
    stored(c.day, c.channel, c.source, Number(c.n));
    inserted += Number(c.n);
  }
  copyFirst.record(size - inserted);
}
