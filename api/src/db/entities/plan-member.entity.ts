import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, InstantColumn, TextColumn } from '../columns';
import { UserEntity } from './user.entity';
import { PlanEntity } from './plan.entity';

@Entity('plan_members')
@Index('idx_plan_members_user', ['userId'])
export class PlanMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) planId!: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: PlanEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @TextColumn(20) role!: string;
  /** docs/domain.md#access-lifecycle: out from this date on; null follows the plan's contract end for agency members. */
  @DateColumn({ nullable: true }) accessUntil!: string | null;
  @InstantColumn() createdAt!: string;
}
