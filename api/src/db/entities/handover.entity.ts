import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

@Entity('handovers')
@Index('idx_handovers_plan_status', ['planId', 'status'])
export class HandoverEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(200) title!: string;
  @TextColumn(50, { nullable: true }) channel!: string | null;
  @LongTextColumn({ nullable: true }) description!: string | null;
  @TextColumn(20) status!: string;
  @DateColumn({ nullable: true }) targetDate!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}

/** One step along (or back down) the ladder. */
@Entity('handover_transitions')
@Index('idx_handover_transitions_handover', ['handoverId', 'seq'])
export class HandoverTransitionEntity {
  @IdColumn() id!: string;
  @RefColumn() handoverId!: string;
  @ManyToOne(() => HandoverEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'handover_id' })
  handover?: HandoverEntity;
  @IntColumn() seq!: number;
  @TextColumn(20) fromStatus!: string;
  @TextColumn(20) toStatus!: string;
  @InstantColumn() at!: string;
  @RefColumn() actorId!: string;
  @TextColumn(254) actorEmail!: string;
  @LongTextColumn({ nullable: true }) note!: string | null;
}
