import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';

/** The audit trail. planId is null for writes outside any plan (users, tokens). */
@Entity('activity')
@Index('idx_activity_plan_at', ['planId', 'at'])
export class ActivityEntity {
  @IdColumn() id!: string;
  @RefColumn({ nullable: true }) planId!: string | null;
  @InstantColumn() at!: string;
  @RefColumn() actorId!: string;
  @TextColumn(254) actorEmail!: string;
  @TextColumn(50) action!: string;
  @TextColumn(50) entity!: string;
  @TextColumn(100, { nullable: true }) entityId!: string | null;
  @LongTextColumn() changes!: string;
}
