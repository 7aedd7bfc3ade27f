import { z } from 'zod';

export const GateKeySchema = z.enum([
  'internal_network',
  'skills_covered',
  'posts_share',
  'handovers_accepted',
  'milestones_done',
  /** Every exit checklist item verified, at least one (docs/domain.md#exit-checklist). */
  'exit_items_verified',
]);
export type GateKey = z.infer<typeof GateKeySchema>;

export const GateSchema = z.object({ key: GateKeySchema, met: z.boolean(), detail: z.string() });
export type Gate = z.infer<typeof GateSchema>;
