/**
 * PostgreSQL baselines for the import: the same rows as the CSV the import reads, into the same
 * migrated schema (every index of `posts`, its foreign key) on a throwaway database, without the
 * server. `COPY` is the ceiling the import is compared to (docs/performance.md#postgresql-import);
 * the multi-row INSERTs are kept for context.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { newId as uuidv7 } from '../api/src/core/ids';
import { row } from './data';
import { createPlan, freshDb, startSignedIn } from './server';

/** A throwaway migrated database with one plan, and a connected client; dropped after `fn`. */
async function withPlan<T>(fn: (client: Client, planId: string) => Promise<T>): Promise<T> {
  const db = await freshDb('postgres');
  try {
    const { server, token } = await startSignedIn(db.url);
    const planId = await createPlan(server, token, 'raw');
    await server.stop();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return await fn(client, planId);
    } finally {
      await client.end();
    }
  } finally {
    await db.drop();
  }
}

/**
 * Plain multi-row INSERTs (unnest, 500 rows a statement, no ON CONFLICT) in one transaction.
 */
export function rawPgInsertRate(rows: number, endDay: Date): Promise<number> {
  return withPlan(async (client, planId) => {
    const createdAt = new Date().toISOString();
    const batches: string[][][] = [];
    for (let start = 0; start < rows; start += 500) {
      const cols: string[][] = [[], [], [], [], [], []];
      for (let i = start; i < Math.min(rows, start + 500); i++) {
        const r = row(i, rows, endDay);
        cols[0]!.push(uuidv7());
        cols[1]!.push(r.channel);
        cols[2]!.push(r.publishedAt);
        cols[3]!.push(r.source);
        cols[4]!.push(r.externalId);
        cols[5]!.push(r.author);
      }
      batches.push(cols);
    }
    const started = process.hrtime.bigint();
    await client.query('BEGIN');
    for (const cols of batches) {
      await client.query(
        `INSERT INTO posts (id, plan_id, channel, published_at, source, external_id, author, created_at)
         SELECT id, $7, channel, published_at, source, external_id, author, $8
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[])
           AS t(id, channel, published_at, source, external_id, author)`,
        [...cols, planId, createdAt],
      );
    }
    await client.query('COMMIT');
    return rows / (Number(process.hrtime.bigint() - started) / 1e9);
  });
}

/**
 * The ceiling: one `COPY posts FROM STDIN` of the same rows (the text prepared beforehand, so only
 * the database's work and the wire are timed), committed with the server's default durability.
 */
export function rawPgCopyRate(rows: number, endDay: Date): Promise<number> {
  return withPlan(async (client, planId) => {
    const createdAt = new Date().toISOString();
    const pieces: Buffer[] = [];
    let text = '';
    for (let i = 0; i < rows; i++) {
      const r = row(i, rows, endDay);
      text += `${uuidv7()}\t${planId}\t${r.channel}\t${r.publishedAt}\t${r.source}\t${r.externalId}\t${r.author}\t${createdAt}\n`;
      if (text.length >= 1 << 16) {
        pieces.push(Buffer.from(text));
        text = '';
      }
    }
    if (text) pieces.push(Buffer.from(text));
    const started = process.hrtime.bigint();
    const copy = client.query(
      copyFrom('COPY posts (id, plan_id, channel, published_at, source, external_id, author, created_at) FROM STDIN'),
    ) as Writable;
    await pipeline(async function* () {
      yield* pieces;
    }, copy);
    return rows / (Number(process.hrtime.bigint() - started) / 1e9);
  });
}
