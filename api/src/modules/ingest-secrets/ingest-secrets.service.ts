import {
  INGEST_RECEIVER_LABELS,
  INGEST_SECRET_PREFIX,
  API_BASE,
  ROUTES,
  type CreateIngestSecretSchema,
  type CreatedIngestSecret,
  type IngestReceiver,
  type IngestSecret,
  type IngestSecretList,
} from '@handover/shared';
import type { z } from 'zod';
import { notFound } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { findIngestSecret, insertIngestSecret, listIngestSecrets, revokeIngestSecret } from '../../db/repositories/ingest-secrets.repository';
import { newToken, tokenHash } from '../auth/tokens';
import { ResourceService } from '../service';

const RECEIVER_ROUTES = { postiz: ROUTES.ingestPostiz, agorapulse: ROUTES.ingestAgorapulse } as const;

/** The path a tool posts to with this secret (docs/domain.md#receivers-and-ingest-secrets). */
export const receiverPath = (receiver: IngestReceiver, secret: string): string => API_BASE + RECEIVER_ROUTES[receiver].replace(':secret', secret);

/**
 * A plan's ingest secrets (docs/domain.md#receivers-and-ingest-secrets): created for one receiver,
 * shown once, stored as their SHA-256, listed without the secret, revoked (never deleted, so the list
 * shows when one stopped working).
 */
export class IngestSecretsService extends ResourceService {
  list(ctx: PlanCtx): Promise<IngestSecretList> {
    return this.deps.db.read(async (m) => ({ items: await listIngestSecrets(m, ctx.planId) }));
  }

  /**
   * The write transaction returns the created secret with `secret: null`: that is what an
   * Idempotency-Key stores and a retry replays, so the secret itself is kept nowhere.
   */
  async create(ctx: PlanCtx, input: z.output<typeof CreateIngestSecretSchema>): Promise<CreatedIngestSecret> {
    const secret = newToken(INGEST_SECRET_PREFIX);
    const created = await this.write(ctx, async (m): Promise<CreatedIngestSecret> => {
      const row: IngestSecret = {
        id: newId(),
        planId: ctx.planId,
        receiver: input.receiver,
        name: input.name ?? INGEST_RECEIVER_LABELS[input.receiver],
        createdAt: this.deps.clock.now().toISOString(),
        createdBy: { id: ctx.user.id, name: ctx.user.name },
        lastUsedAt: null,
        revokedAt: null,
      };
      await insertIngestSecret(m, { ...row, createdBy: ctx.user.id, hash: tokenHash(secret) });
      await this.activity.log(m, ctx, 'create', 'ingest_secret', row.id, { receiver: row.receiver, name: row.name });
      return { ...row, secret: null, path: receiverPath(row.receiver, '{secret}') };
    });
    return { ...created, secret, path: receiverPath(created.receiver, secret) };
  }

  /** Revoke: the receiver answers 410 to it from now on. An unknown or already revoked secret is 404. */
  async revoke(ctx: PlanCtx, id: string): Promise<void> {
    await this.write(ctx, async (m) => {
      const found = await findIngestSecret(m, ctx.planId, id);
      if (!found || !(await revokeIngestSecret(m, ctx.planId, id, this.deps.clock.now().toISOString()))) throw notFound('ingest secret');
      await this.activity.log(m, ctx, 'revoke', 'ingest_secret', id, { receiver: found.receiver, name: found.name });
    });
  }
}
