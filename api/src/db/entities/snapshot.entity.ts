import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BoolColumn, DateColumn, IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/**
 * A frozen copy of a plan's status (docs/domain.md#status-over-time). `summary`, `targets` and
 * `items` are JSON and never change; only `rag` and `note` are edited. The unique key on
 * (plan, weekStart) makes a week's weekly snapshot exist once, whichever process takes it; manual and
 * final snapshots have no weekStart (NULLs never collide).
 */
@Entity('snapshots')
@Index('uq_snapshots_plan_week', ['planId', 'weekStart'], { unique: true })
@Index('idx_snapshots_plan_taken', ['planId', 'takenAt'])
export class SnapshotEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(10) kind!: string;
  @DateColumn({ nullable: true }) weekStart!: string | null;
  /** The day the figures are as of (a weekly snapshot: the Sunday ending its week). */
  @DateColumn() asOf!: string;
  @InstantColumn() takenAt!: string;
  @TextColumn(10, { nullable: true }) rag!: string | null;
  @LongTextColumn({ nullable: true }) note!: string | null;
  @LongTextColumn() summary!: string;
  @LongTextColumn() targets!: string;
  @LongTextColumn() items!: string;
  @BoolColumn() approximate!: boolean;
  @IntColumn() version!: number;
  @InstantColumn() updatedAt!: string;
}
