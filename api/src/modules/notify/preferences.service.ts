import type { Preferences } from '@handover/shared';
import type { UserCtx } from '../../core/context';
import { findWeeklyDigest, saveWeeklyDigest } from '../../db/repositories/digest.repository';
import { ResourceService } from '../service';

/** Why the digest cannot be had on this server, or null when it can (docs/domain.md#email-digest). */
export const digestUnavailableReason = (smtpUrl: string | undefined): string | null =>
  smtpUrl ? null : 'This server sends no email: SMTP_URL is not set. Your choice is kept and applies once email is set up.';

/** A user's own settings: for now, whether they get the weekly digest by email. */
export class PreferencesService extends ResourceService {
  async get(ctx: UserCtx): Promise<Preferences> {
    const weeklyDigest = await this.deps.db.read((m) => findWeeklyDigest(m, ctx.user.id));
    return this.shape(weeklyDigest);
  }

  async update(ctx: UserCtx, input: { weeklyDigest: boolean }): Promise<Preferences> {
    await this.write(ctx, async (m) => {
      const before = await findWeeklyDigest(m, ctx.user.id);
      if (before === input.weeklyDigest) return;
      await saveWeeklyDigest(m, ctx.user.id, input.weeklyDigest, this.deps.clock.now().toISOString());
      await this.activity.record(m, ctx, null, {
        action: 'update',
        entity: 'preferences',
        entityId: ctx.user.id,
        changes: { weeklyDigest: { from: before, to: input.weeklyDigest } },
      });
    });
    return this.shape(input.weeklyDigest);
  }

  private shape(weeklyDigest: boolean): Preferences {
    const reason = digestUnavailableReason(this.deps.config.smtpUrl);
    return { weeklyDigest, digestAvailable: reason === null, digestUnavailableReason: reason };
  }
}
