import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import stringify from 'safe-stable-stringify';
import { AppError, unprocessable } from '../core/app-error';
import type { BeforeCommit, UserCtx } from '../core/context';
import type { Tx } from '../db/data-source';
import type { IdempotencyService, PendingKey } from '../modules/idempotency/idempotency.service';
import type { Reply } from './route-spec';

/**
 * The one idempotency wrapper, applied by the pipeline to routes that declare `idempotent`. Before
 * the handler: a stored response for (user, key) is replayed (or 422 if it answered another
 * request). During it: the request's context carries a `beforeCommit` that its first write
 * transaction runs just before committing (services write through ResourceService.write), storing
 * the response, so the change and the stored response stand or fall together. A twin request that
 * lost the race replays the winner's response.
 */
export class Idempotency {
  constructor(private readonly store: IdempotencyService) {}

  async run(
    req: Request,
    res: Response,
    ctx: UserCtx,
    status: number,
    handler: (beforeCommit?: BeforeCommit) => Promise<Reply>,
  ): Promise<Reply | null> {
    const pending = this.pendingKey(req, ctx, status);
    if (!pending) return handler();
    if (await this.replay(res, pending)) return null;
    try {
      return await handler({ run: (m, result) => this.store.remember(m as Tx, pending, result), done: false });
    } catch (error) {
      if (this.store.isRace(error) && (await this.replay(res, pending))) return null;
      throw error;
    }
  }

  private pendingKey(req: Request, ctx: UserCtx, status: number): PendingKey | null {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return null;
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw unprocessable(
        [{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
        'The Idempotency-Key header is invalid.',
      );
    }
    // Keys sorted: a retry that orders its fields differently is still the same request.
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${stringify(req.body ?? null)}`)
      .digest('hex');
    return { userId: ctx.user.id, key, requestHash, status };
  }

  private async replay(res: Response, pending: PendingKey): Promise<boolean> {
    const stored = await this.store.find(pending.userId, pending.key);
    if (!stored) return false;
    if (stored.requestHash !== pending.requestHash) {
      throw new AppError(
        422,
        'idempotency-key-reused',
        'Idempotency key reused',
        'This Idempotency-Key was used for a different request; use a new key.',
      );
    }
    const body = JSON.parse(stored.body) as { version?: unknown };
    if (typeof body.version === 'number') res.set('ETag', `"${body.version}"`);
    res.set('Idempotent-Replayed', 'true');
    res.status(stored.status).json(body);
    return true;
  }
}
