import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PersonEntity } from './person.entity';
import { PlanEntity } from './plan.entity';

/** Something the agency holds and must hand back (docs/domain.md#exit-checklist). */
@Entity('exit_items')
@Index('idx_exit_items_plan_status', ['planId', 'status'])
export class ExitItemEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(30) kind!: string;
  @TextColumn(200) name!: string;
  @TextColumn(50, { nullable: true }) channel!: string | null;
  /** The in-house person who will own it; cleared when that person is removed. */
  @RefColumn({ nullable: true }) ownerId!: string | null;
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: PersonEntity;
  @DateColumn({ nullable: true }) dueDate!: string | null;
  @TextColumn(30) status!: string;
  @LongTextColumn({ nullable: true }) evidence!: string | null;
  @TextColumn(2000, { nullable: true }) evidenceUrl!: string | null;
  /** The user who listed it (not a foreign key: users are deactivated, not removed). */
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @IntColumn() version!: number;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}

/** One step along (or back down) the exit checklist's ladder. */
@Entity('exit_item_transitions')
@Index('idx_exit_item_transitions_item', ['exitItemId', 'seq'])
export class ExitItemTransitionEntity {
  @IdColumn() id!: string;
  @RefColumn() exitItemId!: string;
  @ManyToOne(() => ExitItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exit_item_id' })
  exitItem?: ExitItemEntity;
  @IntColumn() seq!: number;
  @TextColumn(30) fromStatus!: string;
  @TextColumn(30) toStatus!: string;
  @InstantColumn() at!: string;
  @RefColumn() actorId!: string;
  @TextColumn(254) actorEmail!: string;
  @LongTextColumn({ nullable: true }) note!: string | null;
}
