import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/**
 * Who and what publishes for a plan, and on which side (docs/domain.md#ingest): `author` entries
 * match a post's author or publisher, `channel` entries its account or network, each only within
 * its inclusive `from`/`to` UTC dates. `match_key` is the normalised match the rules compare.
 */
@Entity('roster_entries')
@Index('idx_roster_plan_key', ['planId', 'kind', 'matchKey'])
export class RosterEntryEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(10) kind!: string;
  @TextColumn(200) match!: string;
  @TextColumn(200) matchKey!: string;
  @TextColumn(10) side!: string;
  @DateColumn({ nullable: true }) fromDate!: string | null;
  @DateColumn({ nullable: true }) toDate!: string | null;
  @TextColumn(500, { nullable: true }) note!: string | null;
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}

/**
 * A pushed post (batch or receiver) that the roster could not classify yet: it waits here, out of
 * the ledger and the share, until a roster entry classifies it (docs/domain.md#ingest).
 */
@Entity('ingest_inbox')
@Index('uq_ingest_inbox_plan_channel_external', ['planId', 'channel', 'externalId'], { unique: true })
@Index('idx_ingest_inbox_plan_received', ['planId', 'receivedAt'])
export class IngestInboxEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(50) channel!: string;
  @InstantColumn() publishedAt!: string;
  @TextColumn(200, { nullable: true }) externalId!: string | null;
  @TextColumn(200, { nullable: true }) account!: string | null;
  @TextColumn(500, { nullable: true }) permalink!: string | null;
  @TextColumn(200, { nullable: true }) author!: string | null;
  @TextColumn(200, { nullable: true }) publisher!: string | null;
  @TextColumn(100) origin!: string;
  @InstantColumn() receivedAt!: string;
}
