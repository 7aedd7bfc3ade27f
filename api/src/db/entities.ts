import { ActivityEntity } from './entities/activity.entity';
import { AdoptionSampleEntity } from './entities/adoption-sample.entity';
import { ApiTokenEntity } from './entities/api-token.entity';
import { AssessmentEntity } from './entities/assessment.entity';
import { BaselineEntity, BaselineItemEntity } from './entities/baseline.entity';
import { ExitItemEntity, ExitItemTransitionEntity } from './entities/exit-item.entity';
import { CacheGenerationEntity } from './entities/cache-generation.entity';
import { HandoverEntity, HandoverTransitionEntity } from './entities/handover.entity';
import { KtSessionAttendeeEntity, KtSessionEntity, KtSessionHandoverEntity, KtSessionSkillEntity } from './entities/kt-session.entity';
import { IngestSecretEntity } from './entities/ingest-secret.entity';
import { ImportRunEntity } from './entities/import-run.entity';
import { ImportMappingEntity, ImportUploadChunkEntity, ImportUploadEntity } from './entities/import-upload.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { MilestoneDependencyEntity, MilestoneEntity } from './entities/milestone.entity';
import { PersonEntity } from './entities/person.entity';
import { MilestoneOverdueEventEntity, PlanGateStateEntity } from './entities/plan-events.entity';
import { PlanMemberEntity } from './entities/plan-member.entity';
import { PlanEntity } from './entities/plan.entity';
import { PostDailyCountEntity, PostEntity, PostWeeklyCountEntity } from './entities/post.entity';
import { IngestInboxEntity, RosterEntryEntity } from './entities/roster.entity';
import { RateLimitEntity } from './entities/rate-limit.entity';
import { SessionEntity } from './entities/session.entity';
import { SkillEntity } from './entities/skill.entity';
import { SnapshotEntity } from './entities/snapshot.entity';
import { UserEntity } from './entities/user.entity';
import { OutboxEventEntity, WebhookDeliveryEntity, WebhookEntity } from './entities/webhook.entity';
import { DigestEmailEntity, UserPreferencesEntity } from './entities/digest.entity';

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
  ImportRunEntity,
  RosterEntryEntity,
  IngestInboxEntity,
  IngestSecretEntity,
  SnapshotEntity,
  BaselineEntity,
  BaselineItemEntity,
  OutboxEventEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  ImportUploadEntity,
  ImportUploadChunkEntity,
  ImportMappingEntity,
  UserPreferencesEntity,
  DigestEmailEntity,
  MilestoneOverdueEventEntity,
  PlanGateStateEntity,
  KtSessionEntity,
  KtSessionAttendeeEntity,
  KtSessionHandoverEntity,
  KtSessionSkillEntity,
  ExitItemEntity,
  ExitItemTransitionEntity,
  CacheGenerationEntity,
];
