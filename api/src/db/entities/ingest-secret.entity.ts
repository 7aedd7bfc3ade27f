import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/**
 * A plan's secret for one receiver (docs/domain.md#receivers-and-ingest-secrets): shown once at
 * creation, stored as its SHA-256, found by that hash when a tool posts to the receiver.
 */
@Entity('ingest_secrets')
@Index('idx_ingest_secrets_plan', ['planId', 'createdAt'])
export class IngestSecretEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  /** `postiz` or `agorapulse`: the one receiver this secret opens. */
  @TextColumn(20) receiver!: string;
  @TextColumn(100) name!: string;
  @Index('uq_ingest_secrets_hash', { unique: true })
  @TextColumn(64)
  hash!: string;
  /** Who created it (no foreign key: users are deactivated, not deleted). */
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @InstantColumn() createdAt!: string;
  @InstantColumn({ nullable: true }) lastUsedAt!: string | null;
  @InstantColumn({ nullable: true }) revokedAt!: string | null;
}
