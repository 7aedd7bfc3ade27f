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
import { conflict, forbidden, notFound, unprocessable } from '../../core/app-error';
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
import { runImport, spool } from './post-import';
import { RollupDelta, periodStarts, sharePoints } from './rollups';

export type { PostFilters };

/** Share queries are bounded so one request cannot ask for centuries of zeros. */
export const MAX_SHARE_POINTS = 520;
const EXPORT_PAGE = 5000;

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

export class PostsService extends ResourceService {
  /** Exports being written right now; each one's iterator ends (and this goes down) when its reply ends. */
  openExports = 0;

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
   * CSV import: spooled to disk, then parsed, validated and inserted in one transaction. All or
   * nothing; a dry run does the same work and rolls back, so its counts are exact.
   */
  async importCsv(ctx: PlanCtx, body: Readable, options: { dryRun: boolean; onProgress?: (rows: number) => void }): Promise<ImportResult> {
    const upload = await spool(body);
    try {
      return await this.importFile(ctx, upload.file, options);
    } finally {
      upload.cleanup();
    }
  }

  async importFile(ctx: PlanCtx, file: string, options: { dryRun: boolean; onProgress?: (rows: number) => void }): Promise<ImportResult> {
    if (!can(ctx.role, 'recordPosts')) throw forbidden();
    try {
      return await this.write(ctx, async (m) => {
        const run = await runImport(this.deps.db, m, {
          file,
          planId: ctx.planId,
          agencyOnly: !can(ctx.role, 'recordAnySource'),
          now: this.deps.clock.now().toISOString(),
          onProgress: options.onProgress,
        });
        if (options.dryRun) throw new DryRunRollback({ inserted: 0, duplicates: run.duplicates, valid: run.inserted, dryRun: true });
        await run.delta.apply(this.deps.db, m, ctx.planId);
        await this.activity.log(m, ctx, 'import', 'post', null, { rows: run.rows, inserted: run.inserted, duplicates: run.duplicates });
        return { inserted: run.inserted, duplicates: run.duplicates, valid: run.inserted, dryRun: false };
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    }
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
