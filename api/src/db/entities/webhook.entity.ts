import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/**
 * An event written in the same transaction as the change it reports (docs/domain.md#webhooks).
 * `payload` is the Standard Webhooks envelope as JSON; `dispatched_at` is set once the event has
 * been fanned out into one delivery per matching webhook (null: not yet, e.g. after a crash).
 */
@Entity('outbox_events')
@Index('idx_outbox_events_dispatched', ['dispatchedAt', 'createdAt'])
export class OutboxEventEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(40) type!: string;
  @LongTextColumn() payload!: string;
  @InstantColumn() createdAt!: string;
  @InstantColumn({ nullable: true }) dispatchedAt!: string | null;
}

/**
 * Where a plan's events are posted. `events` is a JSON array of event types. The signing secret is
 * kept as it was issued, since signing needs it (see docs/domain.md#webhooks on why it is not hashed).
 */
@Entity('webhooks')
@Index('idx_webhooks_plan', ['planId', 'createdAt'])
export class WebhookEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(2048) url!: string;
  @LongTextColumn() events!: string;
  @TextColumn(10) format!: string;
  @BoolColumn() active!: boolean;
  @TextColumn(100) secret!: string;
  @TextColumn(100, { nullable: true }) previousSecret!: string | null;
  @InstantColumn({ nullable: true }) previousSecretUntil!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}

/**
 * One event to one webhook, with every attempt (`attempts`, a JSON array). A dispatcher claims a
 * due row by writing its `claim_token` and `claimed_until` with a conditional update, so of several
 * API processes exactly one attempts it; a claim left by a killed process lapses at `claimed_until`.
 */
@Entity('webhook_deliveries')
@Index('uq_webhook_deliveries_event', ['webhookId', 'eventId'], { unique: true })
@Index('idx_webhook_deliveries_due', ['state', 'nextAttemptAt'])
@Index('idx_webhook_deliveries_webhook', ['webhookId', 'createdAt'])
export class WebhookDeliveryEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @RefColumn() webhookId!: string;
  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: WebhookEntity;
  @RefColumn() eventId!: string;
  @ManyToOne(() => OutboxEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: OutboxEventEntity;
  @TextColumn(40) eventType!: string;
  @TextColumn(10) state!: string;
  @IntColumn() attemptCount!: number;
  @LongTextColumn() attempts!: string;
  @InstantColumn({ nullable: true }) firstAttemptAt!: string | null;
  @InstantColumn({ nullable: true }) nextAttemptAt!: string | null;
  @IntColumn({ nullable: true }) lastStatus!: number | null;
  @LongTextColumn({ nullable: true }) lastError!: string | null;
  @RefColumn({ nullable: true }) claimToken!: string | null;
  @InstantColumn({ nullable: true }) claimedUntil!: string | null;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
