import { ActivityEntity } from '../modules/activity/activity.entity';
import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import { MilestoneDependencyEntity, MilestoneEntity } from '../modules/milestones/milestone.entity';
import { PlanMemberEntity } from '../modules/plans/plan-member.entity';
import { PlanEntity } from '../modules/plans/plan.entity';
import { UserEntity } from '../modules/users/user.entity';

export const entities = [
  UserEntity,
  SessionEntity,
  ApiTokenEntity,
  PlanEntity,
  PlanMemberEntity,
  MilestoneEntity,
  MilestoneDependencyEntity,
  ActivityEntity,
  IdempotencyKeyEntity,
];
