import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/** A member of the in-house team (not necessarily a user of Handover). */
@Entity('people')
@Index('idx_people_plan', ['planId', 'name'])
export class PersonEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(200) name!: string;
  @TextColumn(200, { nullable: true }) title!: string | null;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
