import { z } from 'zod';
import { BooleanQuerySchema, InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema, text } from './common';

export const PhaseSchema = z.enum(['internal_network', 'outward_presence', 'agency_exit']);
export type Phase = z.infer<typeof PhaseSchema>;
export const PHASES = PhaseSchema.options;

export const MilestoneStatusSchema = z.enum(['planned', 'in_progress', 'blocked', 'done']);
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

export const MilestoneSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  title: z.string(),
  description: z.string().nullable(),
  phase: PhaseSchema,
  owner: z.string().nullable(),
  dueDate: IsoDateSchema,
  status: MilestoneStatusSchema,
  weight: z.number().int(),
  dependsOn: z.array(UuidSchema),
  completedAt: InstantSchema.nullable(),
  /** The due date the latest baseline froze; null without a baseline or when the milestone is newer than it. */
  baselineDueDate: IsoDateSchema.nullable(),
  /** Days `dueDate` lies after `baselineDueDate` (negative: earlier); null when there is no baseline date. */
  slipDays: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

const fields = {
  title: text(200),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').nullable(),
  phase: PhaseSchema,
  owner: text(200).nullable(),
  dueDate: IsoDateSchema,
  status: MilestoneStatusSchema,
  weight: z.number().int('must be a whole number').min(1, 'must be between 1 and 10').max(10, 'must be between 1 and 10'),
  dependsOn: z
    .array(UuidSchema)
    .max(100, 'at most 100 dependencies')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
};

export const CreateMilestoneSchema = z
  .object({
    title: fields.title,
    description: fields.description.optional(),
    phase: fields.phase,
    owner: fields.owner.optional(),
    dueDate: fields.dueDate,
    status: fields.status.default('planned'),
    weight: fields.weight.default(1),
    dependsOn: fields.dependsOn.default([]),
  })
  .strict();
export type CreateMilestone = z.input<typeof CreateMilestoneSchema>;

export const UpdateMilestoneSchema = z.object(fields).partial().strict();
export type UpdateMilestone = z.input<typeof UpdateMilestoneSchema>;

export const MilestoneListQuerySchema = PageQuerySchema.extend({
  phase: PhaseSchema.optional(),
  status: MilestoneStatusSchema.optional(),
  overdue: BooleanQuerySchema.optional(),
  /** The milestones as they stood at the end of that day (docs/domain.md#as-of); overdue is judged on it. */
  asOf: IsoDateSchema.optional(),
}).strict();
export type MilestoneListQuery = z.output<typeof MilestoneListQuerySchema>;
