import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn, TextColumn } from '../columns';
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
  @InstantColumn() createdAt!: string;
}
