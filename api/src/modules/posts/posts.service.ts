import type { Readable } from 'node:stream';
import {
  IntervalSchema,
  POSTS_CSV_HEADER,
  addDays,
  addMonths,
  can,
  daysBetween,
  firstOfMonth,
  mondayOf,
  type CreatePostSchema,
  type ImportResult,
  type Interval,
  type Page,
  type Post,
  type Share,
} from '@handover/shared';
import type { z } from 'zod';
import { conflict, forbidden, notFound, tooManyRequests, unprocessable } from '../../core/app-error';
import { today } from '../../core/clock';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { isUniqueViolation, type Tx } from '../../db/data-source';
import {
  deletePost,
  exportPage,
  externalIdTaken,
  findPost,
  insertPost,
  listPosts,
  type ExportCursor,
  type PostFilters,
} from '../../db/repositories/posts.repository';
import { findPlan } from '../../db/repositories/plans.repository';
import { ResourceService } from '../service';
import { csvRow } from './csv';
import { postInserter, type Piece, type PostRow } from '../../db/repositories/post-import.repository';
import { importCompleted } from '../outbox/events';
import { HEARTBEAT_MS, claimImport, cleanUpAbandonedImports, discardRows, discardRun, heartbeat, releaseRun } from './import-run';
import { CHUNK_ROWS, runImport, spool, tooLarge, type ImportSink } from './post-import';
import { RollupDelta, periodStarts, sharePoints } from './rollups';

export type { PostFilters };

/** Share queries are bounded so one request cannot ask for centuries of zeros. */
export const MAX_SHARE_POINTS = 520;
const EXPORT_PAGE = 5000;

/** Uploads being received at once; one more is refused with 429 (docs/domain.md#imports). */
export const MAX_SPOOLING = 4;

export type ImportOptions = {
  dryRun: boolean;
  onProgress?: (rows: number) => void;
  /** Awaited after each chunk has committed (still hidden), with the rows stored so far; tests read the plan here. */
  afterChunk?: (stored: number) => Promise<void>;
};

export class PostsService extends ResourceService {
  /** Exports being written right now; each one's iterator ends (and this goes down) when its reply ends. */
  openExports = 0;
  /** Uploads being spooled right now. */
  private spooling = 0;

  async create(ctx: PlanCtx, input: z.output<typeof CreatePostSchema>): Promise<Post> {
    if (!can(ctx.role, 'recordAnySource') && input.source !== 'agency') {
      throw forbidden('Agency staff may record only posts with source agency.');
    }
    const post: Post = {
      id: newId(),
      planId: ctx.planId,
      channel: input.channel,
      publishedAt: input.publishedAt,
      source: input.source,
      externalId: input.externalId ?? null,
      author: input.author || null,
      createdAt: this.deps.clock.now().toISOString(),
      account: input.account || null,
      permalink: null,
      publisher: null,
      classifiedBy: 'source',
      rosterEntryId: null,
      origin: 'manual',
    };
    try {
      return await this.write(ctx, async (m) => {
        if (post.externalId && (await externalIdTaken(m, ctx.planId, post.channel, post.externalId))) throw duplicate(post);
        await insertPost(m, post);
        await this.applyDelta(m, ctx.planId, post, 1);
        const { channel, publishedAt, source, externalId } = post;
        await this.activity.log(m, ctx, 'create', 'post', post.id, { channel, publishedAt, source, externalId });
        return post;
      });
    } catch (error) {
      // A concurrent writer stored the same (channel, externalId) first.
      if (isUniqueViolation(error)) throw duplicate(post);
      throw error;
    }
  }

  private async applyDelta(m: Tx, planId: string, post: Post, delta: number): Promise<void> {
    const rollup = new RollupDelta();
    rollup.add(post.publishedAt.slice(0, 10), post.channel, post.source, delta);
    await rollup.apply(this.deps.db, m, planId);
  }

  get(ctx: PlanCtx, id: string): Promise<Post> {
    return this.deps.db.read((m) => findPost(m, ctx.planId, id));
  }

  list(ctx: PlanCtx, q: PostFilters & { limit: number; offset: number }): Promise<Page<Post>> {
    return this.deps.db.read((m) => listPosts(m, ctx.planId, q));
  }

  async remove(ctx: PlanCtx, id: string): Promise<void> {
    await this.write(ctx, async (m) => {
      const post = await findPost(m, ctx.planId, id);
      if (!(await deletePost(m, ctx.planId, id))) throw notFound('post'); // deleted by a concurrent request
      await this.applyDelta(m, ctx.planId, post, -1);
      const { channel, publishedAt, source, externalId } = post;
      await this.activity.log(m, ctx, 'delete', 'post', id, { channel, publishedAt, source, externalId });
    });
  }

  /**
   * CSV import: spooled to disk (at most MAX_SPOOLING uploads at once, each within IMPORT_MAX_MB),
   * then imported by importFile.
   */
  async importCsv(ctx: PlanCtx, body: Readable, options: ImportOptions & { declaredBytes?: number }): Promise<ImportResult> {
    const maxBytes = this.deps.config.importMaxBytes;
    if (options.declaredBytes !== undefined && options.declaredBytes > maxBytes) throw tooLarge(maxBytes);
    if (this.spooling >= MAX_SPOOLING) {
      throw tooManyRequests(5, `${MAX_SPOOLING} uploads are being received already; try again in a few seconds.`);
    }
    this.spooling += 1;
    let upload;
    try {
      upload = await spool(body, maxBytes);
    } finally {
      this.spooling -= 1;
    }
    try {
      return await this.importFile(ctx, upload.file, options);
    } finally {
      upload.cleanup();
    }
  }

  /**
   * Imports a CSV file in chunks, each its own short transaction, under the plan's import lock; the
   * rows stay hidden until one last transaction makes them all visible and applies the rollups. A
   * refused import or a dry run deletes its rows again (docs/domain.md#imports).
   */
  async importFile(ctx: PlanCtx, file: string, options: ImportOptions): Promise<ImportResult> {
    if (!can(ctx.role, 'recordPosts')) throw forbidden();
    const { db } = this.deps;
    const clock = this.deps.clock;
    const run = await claimImport(db, clock, { planId: ctx.planId, userId: ctx.user.id, dryRun: options.dryRun });
    const createdAt = clock.now().toISOString();
    const delta = new RollupDelta();
    const inserter = postInserter(db, ctx.planId, createdAt, run.id);
    let lastBeat = Date.now();
    const sink: ImportSink<Piece<PostRow>> = {
      encode: (rows) => inserter.encode(rows),
      write: async (pieces) => {
        const counts: Array<[string, string, string, number]> = [];
        await db.bulkWrite(async (m) => {
          counts.length = 0; // a PostgreSQL retry runs the transaction again
          await heartbeat(m, clock, run);
          await inserter.insert(m, pieces, (...c) => counts.push(c));
        });
        lastBeat = Date.now();
        for (const [day, channel, source, n] of counts) delta.add(day, channel, source, n);
        await options.afterChunk?.(delta.total());
      },
      keepAlive: async () => {
        if (Date.now() - lastBeat < HEARTBEAT_MS) return;
        await db.bulkWrite((m) => heartbeat(m, clock, run));
        lastBeat = Date.now();
      },
    };
    try {
      const parsed = await runImport(sink, { file, chunkRows: CHUNK_ROWS[db.dialect], agencyOnly: !can(ctx.role, 'recordAnySource'), onProgress: options.onProgress });
      const inserted = delta.total();
      const counts = { rows: parsed.rows, valid: inserted, duplicates: parsed.valid - inserted };
      if (options.dryRun) {
        await discardRows(db, clock, run);
        await this.write(ctx, async (m) => {
          await releaseRun(m, run);
          await this.activity.log(m, ctx, 'import_dry_run', 'post', null, counts);
        });
        return { inserted: 0, duplicates: counts.duplicates, valid: inserted, dryRun: true };
      }
      await this.write(ctx, async (m) => {
        await releaseRun(m, run); // from here on the rows are visible, with the rollups in step
        await delta.apply(db, m, ctx.planId);
        await this.activity.log(m, ctx, 'import', 'post', null, { rows: parsed.rows, inserted, duplicates: counts.duplicates });
        await importCompleted(m, ctx, { id: run.id, inserted, duplicates: counts.duplicates, valid: inserted }, clock.now());
      });
      return { inserted, duplicates: counts.duplicates, valid: inserted, dryRun: false };
    } catch (error) {
      await discardRun(db, clock, run).catch((cleanup: unknown) =>
        this.deps.logger.warn({ err: cleanup, importId: run.id }, 'discarding a refused import failed; it is cleaned up later'),
      );
      throw error;
    }
  }

  /** Discards abandoned imports (a killed server's or CLI's); run at startup and by the housekeeping. */
  cleanUpImports(): Promise<number> {
    return cleanUpAbandonedImports(this.deps.db, this.deps.clock);
  }

  /**
   * The ledger as CSV chunks, a page at a time, in the import's column order. Pulled by the edge:
   * nothing is read before the client takes the last chunk, and when the client goes away the
   * iteration is ended (its `finally` runs) and nothing stays behind.
   */
  /** `<plan-name>-posts-<today>.csv`: a download that says which plan and which day it holds. */
  async exportFileName(ctx: PlanCtx): Promise<string> {
    const plan = await this.deps.db.read((m) => findPlan(m, ctx.planId));
    const slug = plan.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'plan';
    return `${slug}-posts-${today(this.deps.clock)}.csv`;
  }

  async *exportCsv(ctx: PlanCtx, q: PostFilters): AsyncGenerator<string> {
    this.openExports += 1;
    try {
      yield csvRow([...POSTS_CSV_HEADER]);
      let after: ExportCursor | null = null;
      for (;;) {
        const cursor: ExportCursor | null = after;
        const page: Post[] = await this.deps.db.read((m) => exportPage(m, ctx.planId, q, cursor, EXPORT_PAGE));
        let chunk = '';
        for (const p of page) chunk += csvRow([p.channel, p.publishedAt, p.source, p.externalId, p.author]);
        if (chunk) yield chunk;
        if (page.length < EXPORT_PAGE) return;
        const last = page[page.length - 1]!;
        after = { publishedAt: last.publishedAt, id: last.id };
      }
    } finally {
      this.openExports -= 1;
    }
  }

  async share(ctx: PlanCtx, q: { interval: Interval; from?: string; to?: string; channel?: string }): Promise<Share> {
    const interval = IntervalSchema.parse(q.interval);
    const now = today(this.deps.clock);
    const to = q.to ?? (q.from && q.from > now ? q.from : now);
    const from = q.from ?? (interval === 'week' ? addDays(mondayOf(to), -7 * 11) : addMonths(firstOfMonth(to), -11));
    if (from > to) throw unprocessable([{ path: 'from', message: 'must not be after to' }]);
    const span = interval === 'week' ? Math.floor(daysBetween(mondayOf(from), to) / 7) + 1 : monthsBetween(from, to) + 1;
    if (span > MAX_SHARE_POINTS) throw unprocessable([{ path: 'from', message: `at most ${MAX_SHARE_POINTS} periods per request` }]);
    const starts = periodStarts(interval, from, to);
    const points = await this.deps.db.read((m) => sharePoints(this.deps.db, m, ctx.planId, interval, starts, q.channel));
    return { interval, points };
  }
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

const duplicate = (row: { channel: string; externalId: string | null }) =>
  conflict(`A post with the external id “${row.externalId}” on ${row.channel} is already recorded.`, 'duplicate');
