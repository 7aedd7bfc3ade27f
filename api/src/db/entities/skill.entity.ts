import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

@Entity('skills')
@Index('uq_skills_plan_name', ['planId', 'name'], { unique: true })
export class SkillEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @TextColumn(200) name!: string;
  @TextColumn(100, { nullable: true }) category!: string | null;
  @IntColumn() requiredLevel!: number;
  @IntColumn() requiredPeople!: number;
  @BoolColumn({ default: false }) critical!: boolean;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
