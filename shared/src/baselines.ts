import { z } from 'zod';
import { InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema, text } from './common';

/**
 * A baseline: every milestone's due date and weight frozen under a name. Milestones report
 * `baselineDueDate` and `slipDays` against the latest one (docs/domain.md#status-over-time).
 */
export const BaselineSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  name: z.string(),
  createdAt: InstantSchema,
  /** How many milestones it froze. */
  milestoneCount: z.number().int(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export const BaselineItemSchema = z.object({
  milestoneId: UuidSchema,
  dueDate: IsoDateSchema,
  weight: z.number().int(),
});
export type BaselineItem = z.infer<typeof BaselineItemSchema>;

/** One baseline with what it froze, by due date. */
export const BaselineDetailSchema = BaselineSchema.extend({ items: z.array(BaselineItemSchema) });
export type BaselineDetail = z.infer<typeof BaselineDetailSchema>;

export const CreateBaselineSchema = z.object({ name: text(200) }).strict();
export type CreateBaseline = z.input<typeof CreateBaselineSchema>;

export const BaselineListQuerySchema = PageQuerySchema.strict();
