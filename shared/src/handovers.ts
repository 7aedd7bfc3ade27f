import { z } from 'zod';
import { InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema, text } from './common';

/** The ladder, in order: the agency does it → staff shadow → agency shadows staff → staff own it → a lead accepts. */
export const HandoverStatusSchema = z.enum(['agency', 'shadowing', 'reverse_shadowing', 'in_house', 'accepted']);
export type HandoverStatus = z.infer<typeof HandoverStatusSchema>;
export const HANDOVER_LADDER = HandoverStatusSchema.options;

export const TransitionSchema = z.object({
  from: HandoverStatusSchema,
  to: HandoverStatusSchema,
  at: InstantSchema,
  /** Who moved it; `name` is their current display name. */
  actor: z.object({ id: UuidSchema, email: z.string(), name: z.string() }),
  note: z.string().nullable(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const HandoverSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  title: z.string(),
  channel: z.string().nullable(),
  description: z.string().nullable(),
  status: HandoverStatusSchema,
  /** When the team means to have it accepted; dates the handovers gate in the exit forecast. */
  targetDate: IsoDateSchema.nullable(),
  history: z.array(TransitionSchema),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Handover = z.infer<typeof HandoverSchema>;

const fields = {
  title: text(200),
  channel: text(50).nullable(),
  description: z.string().trim().max(5000, 'must be at most 5000 characters').nullable(),
  targetDate: IsoDateSchema.nullable(),
};
export const CreateHandoverSchema = z
  .object({
    title: fields.title,
    channel: fields.channel.optional(),
    description: fields.description.optional(),
    targetDate: fields.targetDate.optional(),
  })
  .strict();
export type CreateHandover = z.input<typeof CreateHandoverSchema>;
export const UpdateHandoverSchema = z.object(fields).partial().strict();
export type UpdateHandover = z.input<typeof UpdateHandoverSchema>;

export const CreateTransitionSchema = z
  .object({
    to: HandoverStatusSchema,
    /** The step the client saw: when the handover is no longer there the move is refused (409), so a double click moves one step. */
    from: HandoverStatusSchema.optional(),
    note: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .strict();
export type CreateTransition = z.input<typeof CreateTransitionSchema>;

export const HandoverListQuerySchema = PageQuerySchema.extend({
  status: HandoverStatusSchema.optional(),
  channel: z.string().max(50).optional(),
  /** Each handover at its step on that day, leaving out those logged later (docs/domain.md#as-of). */
  asOf: IsoDateSchema.optional(),
}).strict();
