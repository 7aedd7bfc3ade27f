import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import {
  DateColumn,
  IdColumn,
  InstantColumn,
  IntColumn,
  LongTextColumn,
  RefColumn,
  TextColumn,
} from '../columns';
import { PlanEntity } from './plan.entity';

@Entity('milestones')
@Index('idx_milestones_plan_due', ['planId', 'dueDate'])
export class MilestoneEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(200) title!: string;
  @LongTextColumn({ nullable: true }) description!: string | null;
  @TextColumn(30) phase!: string;
  @TextColumn(200, { nullable: true }) owner!: string | null;
  @DateColumn() dueDate!: string;
  @TextColumn(20) status!: string;
  @IntColumn() weight!: number;
  @InstantColumn({ nullable: true }) completedAt!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}

/** Edge "milestone depends on dependsOn"; both ends are in the same plan. */
@Entity('milestone_dependencies')
@Index('idx_milestone_dependencies_target', ['dependsOnId'])
export class MilestoneDependencyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) milestoneId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) dependsOnId!: string;
  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: MilestoneEntity;
  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'depends_on_id' })
  dependsOn?: MilestoneEntity;
}
