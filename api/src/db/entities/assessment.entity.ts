import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, IntColumn, LongTextColumn, RefColumn, TextColumn } from '../columns';
import { PersonEntity } from './person.entity';
import { PlanEntity } from './plan.entity';
import { SkillEntity } from './skill.entity';

/**
 * One assessment of a person in a skill; the history is kept. The current level is the one with the
 * latest assessedAt, ties broken by `seq` (the order they were recorded in).
 */
@Entity('assessments')
@Index('idx_assessments_current', ['planId', 'personId', 'skillId', 'assessedAt', 'seq'])
@Index('idx_assessments_skill', ['skillId'])
export class AssessmentEntity {
  @IdColumn() id!: string;
  @RefColumn() planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @RefColumn() personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;
  @RefColumn() skillId!: string;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: SkillEntity;
  @IntColumn() level!: number;
  @InstantColumn() assessedAt!: string;
  @IntColumn() seq!: number;
  @LongTextColumn({ nullable: true }) note!: string | null;
  @RefColumn() assessedById!: string;
  @TextColumn(254) assessedByEmail!: string;
  @InstantColumn() createdAt!: string;
}
