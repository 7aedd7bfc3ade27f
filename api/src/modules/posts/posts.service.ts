import {
  IntervalSchema,
  POSTS_CSV_HEADER,
  addDays,
  addMonths,
  daysBetween,
  firstOfMonth,
  mondayOf,
  type CreatePostSchema,
  type ImportResult,
  type Interval,
  type Page,
  type Post,
  type PostSource,
  type Share,
} from '@handover/shared';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/data-source';
import { uuidv7 } from '../../db/ids';
import type { Deps } from '../../deps';
import { can } from '../../http/access';
import type { PlanCtx } from '../../http/context';
import { conflict, forbidden, notFound, unprocessable } from '../../http/problem';
import type { ActivityService } from '../activity/activity.service';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import { csvRow } from './csv';
import { PostEntity } from './post.entity';
import { toPost } from './post.mapper';
import { runImport, spool } from './post-import';
import { RollupDelta, periodStarts, sharePoints } from './rollups';

export type PostFilters = { source?: PostSource; channel?: string; from?: string; to?: string };

/** Share queries are bounded so one request cannot ask for centuries of zeros. */
export const MAX_SHARE_POINTS = 520;
const EXPORT_PAGE = 5000;

class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

export class PostsService {
  constructor(
    private readonly deps: Deps,
    private readonly activity: ActivityService,
    private readonly idempotency: IdempotencyService,
  ) {}

  private assertMayRecord(ctx: PlanCtx, source: string, where = ''): void {
    if (ctx.role === 'agency' && source !== 'agency') {
      throw forbidden(`${where}Agency staff may record only posts with source agency.`);
    }
  }

  async create(ctx: PlanCtx, input: z.output<typeof CreatePostSchema>): Promise<Post> {
    this.assertMayRecord(ctx, input.source);
    const now = this.deps.clock.now().toISOString();
    const row: PostEntity = {
      id: uuidv7(),
      planId: ctx.planId,
      channel: input.channel,
      publishedAt: input.publishedAt,
      source: input.source,
      externalId: input.externalId ?? null,
      author: input.author || null,
      createdAt: now,
    };
    try {
      return await this.deps.db.write(async (m) => {
        if (row.externalId && (await m.getRepository(PostEntity).exists({
          where: { planId: ctx.planId, channel: row.channel, externalId: row.externalId },
        }))) {
          throw duplicate(row);
        }
        await m.getRepository(PostEntity).insert(row);
        const delta = new RollupDelta();
        delta.add(row.publishedAt.slice(0, 10), row.channel, row.source, 1);
        await delta.apply(this.deps.db, m, ctx.planId);
        const dto = toPost(row);
        await this.activity.record(m, ctx, ctx.planId, {
          action: 'create',
          entity: 'post',
          entityId: row.id,
          changes: { channel: dto.channel, publishedAt: dto.publishedAt, source: dto.source, externalId: dto.externalId },
        });
        await this.idempotency.remember(m, ctx, dto);
        return dto;
      });
    } catch (error) {
      // A concurrent writer stored the same (channel, externalId) first.
      if (isUniqueViolation(error)) throw duplicate(row);
      throw error;
    }
  }

  async get(ctx: PlanCtx, id: string): Promise<Post> {
    const row = await this.deps.db.read((m) => m.getRepository(PostEntity).findOne({ where: { id, planId: ctx.planId } }));
    if (!row) throw notFound('post');
    return toPost(row);
  }

  async list(ctx: PlanCtx, q: PostFilters & { limit: number; offset: number }): Promise<Page<Post>> {
    return this.deps.db.read(async (m) => {
      const qb = this.filtered(m, ctx.planId, q);
      const total = await qb.clone().getCount();
      const rows = await qb
        .orderBy('p.published_at', 'DESC')
        .addOrderBy('p.id', 'DESC')
        .limit(q.limit)
        .offset(q.offset)
        .getMany();
      return { items: rows.map(toPost), total, limit: q.limit, offset: q.offset };
    });
  }

  private filtered(m: EntityManager, planId: string, q: PostFilters): SelectQueryBuilder<PostEntity> {
    const qb = m.getRepository(PostEntity).createQueryBuilder('p').where('p.plan_id = :planId', { planId });
    if (q.source) qb.andWhere('p.source = :source', { source: q.source });
    if (q.channel) qb.andWhere('p.channel = :channel', { channel: q.channel.trim().toLowerCase() });
    if (q.from) qb.andWhere('p.published_at >= :from', { from: `${q.from}T00:00:00.000Z` });
    if (q.to) qb.andWhere('p.published_at < :to', { to: `${addDays(q.to, 1)}T00:00:00.000Z` });
    return qb;
  }

  async remove(ctx: PlanCtx, id: string): Promise<void> {
    await this.deps.db.write(async (m) => {
      const repo = m.getRepository(PostEntity);
      const row = await repo.findOne({ where: { id, planId: ctx.planId } });
      if (!row) throw notFound('post');
      const result = await repo.delete({ id, planId: ctx.planId });
      if (!result.affected) throw notFound('post'); // deleted by a concurrent request
      const delta = new RollupDelta();
      delta.add(row.publishedAt.slice(0, 10), row.channel, row.source, -1);
      await delta.apply(this.deps.db, m, ctx.planId);
      await this.activity.record(m, ctx, ctx.planId, {
        action: 'delete',
        entity: 'post',
        entityId: id,
        changes: { channel: row.channel, publishedAt: row.publishedAt, source: row.source, externalId: row.externalId },
      });
    });
  }

  /**
   * CSV import: spooled to disk, then parsed, validated and inserted in one transaction. All or
   * nothing; a dry run does the same work and rolls back, so its counts are exact.
   */
  async importCsv(
    ctx: PlanCtx,
    body: Readable,
    options: { dryRun: boolean; onProgress?: (rows: number) => void },
  ): Promise<ImportResult> {
    const upload = await spool(body);
    try {
      return await this.importFile(ctx, upload.file, options);
    } finally {
      upload.cleanup();
    }
  }

  async importFile(
    ctx: PlanCtx,
    file: string,
    options: { dryRun: boolean; onProgress?: (rows: number) => void },
  ): Promise<ImportResult> {
    if (!can(ctx, 'recordPosts')) throw forbidden();
    try {
      return await this.deps.db.write(async (m) => {
        const run = await runImport(this.deps.db, m, {
          file,
          planId: ctx.planId,
          agencyOnly: ctx.role === 'agency',
          now: this.deps.clock.now().toISOString(),
          onProgress: options.onProgress,
        });
        if (options.dryRun) {
          throw new DryRunRollback({ inserted: 0, duplicates: run.duplicates, valid: run.inserted, dryRun: true });
        }
        await run.delta.apply(this.deps.db, m, ctx.planId);
        await this.activity.record(m, ctx, ctx.planId, {
          action: 'import',
          entity: 'post',
          entityId: null,
          changes: { rows: run.rows, inserted: run.inserted, duplicates: run.duplicates },
        });
        return { inserted: run.inserted, duplicates: run.duplicates, valid: run.inserted, dryRun: false };
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    }
  }

  /** Stream the ledger as CSV, a page at a time, in the import's column order. */
  async exportCsv(ctx: PlanCtx, q: PostFilters, res: Response): Promise<void> {
    res.status(200);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="posts-${ctx.planId}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.write(csvRow([...POSTS_CSV_HEADER]));
    let after: { publishedAt: string; id: string } | null = null;
    for (;;) {
      const page: PostEntity[] = await this.deps.db.read((m) => {
        const qb = this.filtered(m, ctx.planId, q);
        if (after) {
          qb.andWhere('(p.published_at > :afterAt OR (p.published_at = :afterAt AND p.id > :afterId))', {
            afterAt: after.publishedAt,
            afterId: after.id,
          });
        }
        return qb.orderBy('p.published_at', 'ASC').addOrderBy('p.id', 'ASC').limit(EXPORT_PAGE).getMany();
      });
      let chunk = '';
      for (const p of page) chunk += csvRow([p.channel, p.publishedAt, p.source, p.externalId, p.author]);
      if (chunk && !res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (page.length < EXPORT_PAGE || res.destroyed) break;
      const last = page[page.length - 1]!;
      after = { publishedAt: last.publishedAt, id: last.id };
    }
    res.end();
  }

  async share(ctx: PlanCtx, q: { interval: Interval; from?: string; to?: string; channel?: string }): Promise<Share> {
    const interval = IntervalSchema.parse(q.interval);
    const today = this.deps.clock.now().toISOString().slice(0, 10);
    const to = q.to ?? (q.from && q.from > today ? q.from : today);
    const from = q.from ?? (interval === 'week' ? addDays(mondayOf(to), -7 * 11) : addMonths(firstOfMonth(to), -11));
    if (from > to) throw unprocessable([{ path: 'from', message: 'must not be after to' }]);
    const span = interval === 'week' ? Math.floor(daysBetween(mondayOf(from), to) / 7) + 1 : monthsBetween(from, to) + 1;
    if (span > MAX_SHARE_POINTS) {
      throw unprocessable([{ path: 'from', message: `at most ${MAX_SHARE_POINTS} periods per request` }]);
    }
    const starts = periodStarts(interval, from, to);
    const points = await this.deps.db.read((m) => sharePoints(this.deps.db, m, ctx.planId, interval, starts, q.channel));
    return { interval, points };
  }
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

const duplicate = (row: { channel: string; externalId: string | null }) =>
  conflict(`A post with externalId "${row.externalId}" on channel "${row.channel}" is already recorded.`, 'duplicate');
