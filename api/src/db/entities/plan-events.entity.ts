import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, LongTextColumn, RefColumn } from '../columns';
import { MilestoneEntity } from './milestone.entity';
import { PlanEntity } from './plan.entity';

/**
 * One row per `milestone.overdue` event sent (docs/domain.md#webhooks): the unique key on
 * (milestone, dueDate) makes the event fire once per due date, however many processes check.
 */
@Entity('milestone_overdue_events')
@Index('uq_milestone_overdue_events_due', ['milestoneId', 'dueDate'], { unique: true })
export class MilestoneOverdueEventEntity {
  @IdColumn() id!: string;
  @RefColumn() milestoneId!: string;
  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: MilestoneEntity;
  @DateColumn() dueDate!: string;
  @InstantColumn() firedAt!: string;
}

/**
 * The last known state of a plan's gates (docs/domain.md#webhooks), which `gate.changed` is
 * computed against. `gates` is JSON `{key: met}`, null until the first check; `seenActivityAt` is the
 * newest activity entry that check saw, so a later check knows whether anything happened since.
 */
@Entity('plan_gate_states')
export class PlanGateStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @LongTextColumn({ nullable: true }) gates!: string | null;
  @InstantColumn({ nullable: true }) seenActivityAt!: string | null;
  @InstantColumn({ nullable: true }) checkedAt!: string | null;
}
