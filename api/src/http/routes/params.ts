import { ImportMappingNameSchema, IsoDateSchema, UuidSchema } from '@handover/shared';
import { z } from 'zod';

/** Path parameters, one schema per path shape. */
export const PlanParams = z.object({ planId: UuidSchema });
export const MemberParams = z.object({ planId: UuidSchema, userId: UuidSchema });
export const UserParams = z.object({ userId: UuidSchema });
export const MilestoneParams = z.object({ planId: UuidSchema, milestoneId: UuidSchema });
export const PersonParams = z.object({ planId: UuidSchema, personId: UuidSchema });
export const SkillParams = z.object({ planId: UuidSchema, skillId: UuidSchema });
export const HandoverParams = z.object({ planId: UuidSchema, handoverId: UuidSchema });
export const ExitItemParams = z.object({ planId: UuidSchema, exitItemId: UuidSchema });
export const PostParams = z.object({ planId: UuidSchema, postId: UuidSchema });
export const WeekParams = z.object({ planId: UuidSchema, weekStart: IsoDateSchema });
export const RosterEntryParams = z.object({ planId: UuidSchema, entryId: UuidSchema });
export const SnapshotParams = z.object({ planId: UuidSchema, snapshotId: UuidSchema });
export const BaselineParams = z.object({ planId: UuidSchema, baselineId: UuidSchema });
export const WebhookParams = z.object({ planId: UuidSchema, webhookId: UuidSchema });
export const DeliveryParams = z.object({ planId: UuidSchema, webhookId: UuidSchema, deliveryId: UuidSchema });
export const KtSessionParams = z.object({ planId: UuidSchema, sessionId: UuidSchema });
export const ImportParams = z.object({ planId: UuidSchema, importId: UuidSchema });
export const ImportMappingParams = z.object({ planId: UuidSchema, name: ImportMappingNameSchema });

/** A POST that takes no input: no body, or an empty object; any field → 422 (nothing is ignored silently). */
export const NoBody = z.object({}).strict().optional();
