import { ActivityEntity } from '../modules/activity/activity.entity';
import { ApiTokenEntity } from '../modules/auth/api-token.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import { MilestoneDependencyEntity, MilestoneEntity } from '../modules/milestones/milestone.entity';
import { PlanMemberEntity } from '../modules/plans/plan-member.entity';
import { PlanEntity } from '../modules/plans/plan.entity';
import { UserEntity } from '../modules/users/user.entity';
import { PersonEntity } from '../modules/people/person.entity';
import { SkillEntity } from '../modules/skills/skill.entity';
import { AssessmentEntity } from '../modules/skills/assessment.entity';
import { HandoverEntity, HandoverTransitionEntity } from '../modules/handovers/handover.entity';
import { PostDailyCountEntity, PostEntity, PostWeeklyCountEntity } from '../modules/posts/post.entity';
import { AdoptionSampleEntity } from '../modules/adoption/adoption-sample.entity';
import { RateLimitEntity } from '../modules/rate-limit/rate-limit.entity';

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
  PersonEntity,
  SkillEntity,
  AssessmentEntity,
  HandoverEntity,
  HandoverTransitionEntity,
  PostEntity,
  PostDailyCountEntity,
  PostWeeklyCountEntity,
  AdoptionSampleEntity,
  RateLimitEntity,
];
