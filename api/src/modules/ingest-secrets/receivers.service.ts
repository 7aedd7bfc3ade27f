import { INGEST_SECRET_PREFIX, type AgorapulseEvent, type IngestReceipt, type IngestReceiver, type PostizPayload } from '@handover/shared';
import { forbidden, gone, notFound, tooManyRequests } from '../../core/app-error';
import type { RequestCtx } from '../../core/context';
import { ingestSecretByHash, touchIngestSecret, type IngestSecretRow } from '../../db/repositories/ingest-secrets.repository';
import { tokenHash } from '../auth/tokens';
import type { Deps } from '../deps';
import { agorapulsePosts, postizPosts } from '../ingest/receivers';
import type { IncomingPost } from '../ingest/classify';
import type { PushService } from '../ingest/push';
import { RateLimiter, type Counter } from '../rate-limit/rate-limit.service';

/** Unknown secrets one address may try in fifteen minutes before it is refused with 429. */
export const UNKNOWN_SECRET_LIMIT = 30;

/** `hoi_` and 32 random bytes in base64url: anything else names no secret, without a look-up. */
const SECRET_SHAPE = new RegExp(`^${INGEST_SECRET_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * The receivers of tools that push published posts (docs/domain.md#receivers-and-ingest-secrets).
 * `admit` runs before the body is read: the secret decides who may post at all (unknown: 404,
 * revoked: 410, another receiver's: 403, too many deliveries: 429), so a bad payload sent with a bad
 * secret learns nothing about the payload. `postiz` and `agorapulse` then store the published posts
 * through the push service (roster → ledger, else inbox; a replay is all duplicates).
 */
export class IngestReceivers {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly deps: Deps,
    private readonly push: PushService,
  ) {
    this.limiter = new RateLimiter(deps);
  }

  async admit(ctx: RequestCtx, receiver: IngestReceiver, secret: string): Promise<void> {
    const row = SECRET_SHAPE.test(secret) ? await this.deps.db.read((m) => ingestSecretByHash(m, tokenHash(secret))) : null;
    if (!row) {
      await this.limit({ scope: 'ingest:unknown', subject: ctx.clientAddress }, UNKNOWN_SECRET_LIMIT);
      throw notFound('receiver');
    }
    checkUsable(row, receiver);
    await this.limit({ scope: 'ingest:secret', subject: row.id }, this.deps.config.ingestRateLimit);
    // Last used: the last time the tool reached us with it, whatever it sent (a lead checking a set-up sees it arrive).
    await this.deps.db.write((m) => touchIngestSecret(m, row.id, this.deps.clock.now().toISOString()));
  }

  postiz(ctx: RequestCtx, secret: string, payload: PostizPayload): Promise<IngestReceipt> {
    const posts = postizPosts(payload);
    return this.store(ctx, 'postiz', secret, posts, payload.length - posts.length);
  }

  /** A `FAILED` event is answered like any other, with nothing recorded. */
  agorapulse(ctx: RequestCtx, secret: string, event: AgorapulseEvent): Promise<IngestReceipt> {
    const posts = agorapulsePosts(event);
    return this.store(ctx, 'agorapulse', secret, posts, 1 - posts.length);
  }

  private async store(ctx: RequestCtx, receiver: IngestReceiver, secret: string, posts: IncomingPost[], ignored: number): Promise<IngestReceipt> {
    // Found again: a revoke that landed while the body was read is honoured.
    const row = await this.deps.db.read((m) => ingestSecretByHash(m, tokenHash(secret)));
    if (!row) throw notFound('receiver');
    checkUsable(row, receiver);
    const result = posts.length
      ? await this.push.accept({ ...ctx, planId: row.planId }, posts, `receiver:${receiver}`, { userId: null, label: `receiver:${receiver}` })
      : { inserted: 0, duplicates: 0, inbox: 0 };
    const receipt = { received: posts.length, recorded: result.inserted, inbox: result.inbox, duplicates: result.duplicates, ignored };
    // The secret's id, never the secret (docs/domain.md#receivers-and-ingest-secrets).
    this.deps.logger.info({ requestId: ctx.requestId, ingestSecretId: row.id, planId: row.planId, receiver, ...receipt }, 'ingest delivery');
    return receipt;
  }

  /** Count one attempt; past the limit, give it back and refuse with 429 and Retry-After. */
  private async limit(counter: Counter, max: number): Promise<void> {
    const [count] = await this.limiter.reserve([counter]);
    if (count!.count <= max) return;
    await this.limiter.release([counter]);
    throw tooManyRequests(this.limiter.retryAfter(count!.windowStart), 'Too many deliveries; try again later.');
  }
}

function checkUsable(row: IngestSecretRow, receiver: IngestReceiver): void {
  if (row.revokedAt) throw gone('This ingest secret was revoked; create a new one in the plan’s settings.');
  if (row.receiver !== receiver) throw forbidden(`This ingest secret is for the ${row.receiver} receiver only.`);
}
