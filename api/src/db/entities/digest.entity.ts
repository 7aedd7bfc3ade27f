import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';
import { SnapshotEntity } from './snapshot.entity';
import { UserEntity } from './user.entity';

/** A user's own settings (docs/domain.md#email-digest); no row: the defaults (no digest). */
@Entity('user_preferences')
export class UserPreferencesEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @BoolColumn({ default: false }) weeklyDigest!: boolean;
  @InstantColumn() updatedAt!: string;
}

/**
 * One weekly digest to one member, queued in the transaction that stored the weekly snapshot and
 * sent from `next_attempt_at` (DIGEST_AT) on. Claimed like a webhook delivery (`claim_token`,
 * `claimed_until`); `state`: pending, sent, failed (retries used up) or void (the recipient lost
 * access or opted out before it went).
 */
@Entity('digest_emails')
@Index('uq_digest_emails_snapshot_user', ['snapshotId', 'userId'], { unique: true })
@Index('idx_digest_emails_due', ['state', 'nextAttemptAt'])
export class DigestEmailEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @RefColumn() snapshotId!: string;
  @ManyToOne(() => SnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot?: SnapshotEntity;
  @RefColumn() userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @TextColumn(10) state!: string;
  @IntColumn() attemptCount!: number;
  @InstantColumn({ nullable: true }) firstAttemptAt!: string | null;
  @InstantColumn({ nullable: true }) nextAttemptAt!: string | null;
  @LongTextColumn({ nullable: true }) lastError!: string | null;
  @RefColumn({ nullable: true }) claimToken!: string | null;
  @InstantColumn({ nullable: true }) claimedUntil!: string | null;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
