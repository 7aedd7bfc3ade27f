import { INSTANT_MESSAGE, normalizeInstant, type InboxItem, type Post } from '@handover/shared';
import { forbidden, unprocessable, type FieldError } from '../../core/app-error';
import type { PlanCtx, RequestCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { isUniqueViolation, type Tx } from '../../db/data-source';
import { insertInbox, insertPosts } from '../../db/repositories/push.repository';
import { rosterRules } from '../../db/repositories/roster.repository';
import { RollupDelta } from '../posts/rollups';
import { ResourceService } from '../service';
import { canonicalChannel, normalisePermalink } from './channels';
import { Roster, type IncomingPost } from './classify';
import { SeenKeys } from './seen-keys';

// Pushed posts (a batch, a receiver) into the ledger or the inbox (docs/domain.md#ingest).

export type PushResult = { inserted: number; duplicates: number; inbox: number };

/** Who pushed: a user (batch), or a receiver (no user; `label` names it in the activity log). */
export type PushActor = { userId: string | null; label: string };

export type PushOptions = {
  /** Refuse the whole push (403) when any post it would store is not `agency` (the agency role's batch). */
  agencyOnly?: boolean;
};

/** The activity log's actor id for a push no user made (a receiver): the nil UUID, named by the label. */
export const NO_USER_ID = '00000000-0000-0000-0000-000000000000';

/** A unique violation raced with another writer: the push is run again once, and then sees those rows as duplicates. */
const ATTEMPTS = 2;

/** The longest normalised permalink, and the longest id, account or name, the tables hold. */
const MAX_PERMALINK = 500;
const MAX_TEXT = 200;

/** Names and accounts longer than a column are cut, not refused: they only describe the post. */
const clip = (value: string | null | undefined) => value?.trim().slice(0, MAX_TEXT) || null;

export class PushService extends ResourceService {
  /**
   * Classify with the plan's roster and store: classified → ledger (with `origin`), unclassified →
   * inbox. Idempotent: a post whose `(channel, externalId)`, else whose normalised permalink, is
   * already in the ledger or the inbox (or earlier in the same push) is a duplicate and changes
   * nothing. All or nothing, in one transaction with the rollups and one activity entry.
   * Channels are canonicalised, instants normalised to UTC and permalinks normalised here (a link
   * that is no http(s) address is dropped: a receiver's post is never refused for its link); a
   * blank channel or an unreadable instant is a 422 naming the post's index.
   */
  async accept(
    ctx: RequestCtx & { planId: string },
    posts: readonly IncomingPost[],
    origin: string,
    actor: PushActor,
    options: PushOptions = {},
  ): Promise<PushResult> {
    const { posts: normalised, errors } = normaliseIncoming(posts, false);
    if (errors.length) throw unprocessable(errors, 'No post was stored: fix the listed posts and send them again.');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(ctx, (m) => this.store(m, ctx.planId, normalised, origin, actor, options));
      } catch (error) {
        if (attempt >= ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /**
   * `POST /posts/batch`: canonical channels, normalised permalinks (a permalink that is not an
   * http(s) address is a 422 naming its index), then `accept` with origin `batch`.
   */
  batch(ctx: PlanCtx, rows: readonly IncomingPost[], options: PushOptions): Promise<PushResult> {
    const { posts, errors } = normaliseIncoming(rows, true);
    if (errors.length) throw unprocessable(errors, 'No post was stored: fix the listed posts and send the batch again.');
    return this.accept(ctx, posts, 'batch', { userId: ctx.user.id, label: ctx.user.email }, options);
  }

  private async store(m: Tx, planId: string, posts: readonly IncomingPost[], origin: string, actor: PushActor, options: PushOptions): Promise<PushResult> {
    await this.deps.db.lockPlan(m, planId);
    const roster = new Roster(await rosterRules(m, planId));
    const seen = await SeenKeys.load(m, planId, posts, 'both');
    const now = this.deps.clock.now().toISOString();
    const ledger: Post[] = [];
    const inbox: InboxItem[] = [];
    let duplicates = 0;
    for (const p of posts) {
      if (seen.has(p)) {
        duplicates += 1;
        continue;
      }
      seen.add(p);
      const c = roster.classify(p);
      if ('unclassified' in c) {
        inbox.push({ id: newId(), planId, ...fields(p), origin, receivedAt: now });
      } else {
        ledger.push({
          id: newId(),
          planId,
          ...fields(p),
          source: c.source,
          classifiedBy: c.classifiedBy,
          rosterEntryId: c.rosterEntryId ?? null,
          origin,
          createdAt: now,
        });
      }
    }
    if (options.agencyOnly) {
      const other = ledger.filter((p) => p.source !== 'agency').length + inbox.length;
      if (other) throw forbidden(`Agency staff may push only posts whose side is agency; ${other} of these would not be (nothing was stored).`);
    }
    await insertPosts(m, ledger);
    await insertInbox(m, inbox);
    const delta = new RollupDelta();
    for (const p of ledger) delta.add(p.publishedAt.slice(0, 10), p.channel, p.source, 1);
    await delta.apply(this.deps.db, m, planId);
    const result = { inserted: ledger.length, duplicates, inbox: inbox.length };
    await this.activity.recordAs(m, planId, { id: actor.userId ?? NO_USER_ID, email: actor.label }, {
      action: 'push',
      entity: 'post',
      entityId: null,
      changes: { origin, received: posts.length, ...result },
    });
    return result;
  }
}

const fields = (p: IncomingPost) => ({
  channel: p.channel,
  publishedAt: p.publishedAt,
  externalId: p.externalId ?? null,
  account: p.account || null,
  permalink: p.permalink ?? null,
  author: p.author || null,
  publisher: p.publisher || null,
});

/**
 * Canonical channels, UTC instants and normalised permalinks; errors name the post's index. A
 * permalink that is no http(s) address (or too long to store) is an error when `strictLinks`, else
 * dropped.
 */
export function normaliseIncoming(rows: readonly IncomingPost[], strictLinks: boolean): { posts: IncomingPost[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const posts = rows.map((r, i): IncomingPost => {
    const channel = canonicalChannel(r.channel);
    if (!channel) errors.push({ path: `${i}.channel`, message: 'must be a network name' });
    const publishedAt = normalizeInstant(r.publishedAt);
    if (!publishedAt) errors.push({ path: `${i}.publishedAt`, message: INSTANT_MESSAGE });
    let permalink = r.permalink ? normalisePermalink(r.permalink) : null;
    if (permalink && permalink.length > MAX_PERMALINK) permalink = null;
    if (r.permalink && !permalink && strictLinks) errors.push({ path: `${i}.permalink`, message: `must be an http(s) address of at most ${MAX_PERMALINK} characters` });
    const externalId = r.externalId?.trim() || null;
    if (externalId && externalId.length > MAX_TEXT) errors.push({ path: `${i}.externalId`, message: `must be at most ${MAX_TEXT} characters` });
    return {
      channel: channel ?? '',
      publishedAt: publishedAt ?? r.publishedAt,
      externalId,
      permalink,
      account: clip(r.account),
      author: clip(r.author),
      publisher: clip(r.publisher),
      source: r.source ?? null,
    };
  });
  return { posts, errors };
}
