import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/** A named freeze of every milestone's due date and weight (docs/domain.md#status-over-time). */
@Entity('baselines')
@Index('idx_baselines_plan_created', ['planId', 'createdAt'])
export class BaselineEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(200) name!: string;
  @IntColumn() milestoneCount!: number;
  @InstantColumn() createdAt!: string;
}

/**
 * One milestone as a baseline froze it. No foreign key to the milestone: a baseline is a record of
 * the past and keeps a milestone deleted since.
 */
@Entity('baseline_items')
export class BaselineItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) baselineId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) milestoneId!: string;
  @ManyToOne(() => BaselineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'baseline_id' })
  baseline?: BaselineEntity;
  @DateColumn() dueDate!: string;
  @IntColumn() weight!: number;
}
