import { z } from 'zod';
import { InstantSchema, PageQuerySchema, UuidSchema } from './common';

export const ActivitySchema = z.object({
  id: UuidSchema,
  at: InstantSchema,
  /** Who did it; `name` is their current display name. */
  actor: z.object({ id: UuidSchema, email: z.string(), name: z.string() }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityListQuerySchema = PageQuerySchema.extend({
  entity: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: UuidSchema.optional(),
}).strict();
export type ActivityListQuery = z.output<typeof ActivityListQuerySchema>;
