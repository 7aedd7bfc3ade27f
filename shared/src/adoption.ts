import { z } from 'zod';
import { InstantSchema, IsoDateSchema, UuidSchema } from './common';

import { isMonday } from './dates';

export const AdoptionSampleSchema = z.object({
  planId: UuidSchema,
  weekStart: IsoDateSchema,
  activeUsers: z.number().int(),
  totalStaff: z.number().int(),
  share: z.number(),
  source: z.string().nullable(),
  updatedAt: InstantSchema,
});
export type AdoptionSample = z.infer<typeof AdoptionSampleSchema>;

/** A plan keeps at most this many weekly samples (ten years), so the series is one bounded answer. */
export const MAX_ADOPTION_WEEKS = 520;

export const CreateAdoptionSchema = z
  .object({
    weekStart: IsoDateSchema.refine(isMonday, 'must be a Monday'),
    activeUsers: z.number().int('must be a whole number').min(0, 'must be at least 0').max(10_000_000, 'is too large'),
    totalStaff: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000_000, 'is too large'),
    source: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').nullable().optional(),
  })
  .strict()
  .refine((v) => v.activeUsers <= v.totalStaff, { path: ['activeUsers'], message: 'must not exceed totalStaff' });
export type CreateAdoption = z.input<typeof CreateAdoptionSchema>;

export const AdoptionListQuerySchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'must not be before from' });
export type AdoptionListQuery = z.output<typeof AdoptionListQuerySchema>;
export const AdoptionSeriesSchema = z.object({ items: z.array(AdoptionSampleSchema) });
