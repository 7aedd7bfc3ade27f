import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn, IntColumn, TextColumn } from '../columns';
import { PlanEntity } from './plan.entity';

/** Weekly internal adoption; one sample per plan and ISO week (posting the week again replaces it). */
@Entity('adoption_samples')
export class AdoptionSampleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) planId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @PrimaryColumn({ type: 'varchar', length: 10 }) weekStart!: string;
  @IntColumn() activeUsers!: number;
  @IntColumn() totalStaff!: number;
  @TextColumn(100, { nullable: true }) source!: string | null;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
