import { z } from 'zod';
import { IsoDateSchema } from './common';
import { ExitForecastSchema } from './exit-forecast';
import { GateSchema } from './gates';
import { ExitItemStatusSchema } from './exit';
import { HandoverStatusSchema } from './handovers';

/** `?asOf=YYYY-MM-DD`: the answer as it stood at the end of that day (docs/domain.md#as-of); today when absent. */
export const AsOfQuerySchema = z.object({ asOf: IsoDateSchema.optional() }).strict();
export const SummaryQuerySchema = AsOfQuerySchema;

export const SummarySchema = z.object({
  asOf: IsoDateSchema,
  milestones: z.object({
    total: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
    blocked: z.number().int(),
    progress: z.number(),
  }),
  skills: z.object({ required: z.number().int(), gap: z.number().int(), closedShare: z.number() }),
  posts: z.object({
    window: z.object({
      from: IsoDateSchema,
      to: IsoDateSchema,
      total: z.number().int(),
      inHouse: z.number().int(),
      inHouseShare: z.number(),
    }),
  }),
  handovers: z.object({
    total: z.number().int(),
    byStatus: z.record(HandoverStatusSchema, z.number().int()),
    acceptedShare: z.number(),
  }),
  /** The exit checklist (docs/domain.md#exit-checklist): items at each step, every step present. */
  exitItems: z.object({
    total: z.number().int(),
    byStatus: z.record(ExitItemStatusSchema, z.number().int()),
    verifiedShare: z.number(),
  }),
  adoption: z.object({ latestShare: z.number().nullable(), latestWeekStart: IsoDateSchema.nullable() }),
  readiness: z.object({
    score: z.number(),
    components: z.object({ milestones: z.number(), skills: z.number(), posts: z.number(), handovers: z.number() }),
  }),
  gates: z.array(GateSchema),
  exitReady: z.boolean(),
  forecast: z.object({
    projectedExitDate: IsoDateSchema.nullable(),
    onTrack: z.boolean().nullable(),
    /** The fitted line over the last 8 complete weeks: y = intercept + slope·x, x = 0 oldest, 8 = this week. */
    intercept: z.number().nullable(),
    slope: z.number().nullable(),
    weeks: z.array(z.object({ x: z.number().int(), weekStart: IsoDateSchema, inHouseShare: z.number(), total: z.number().int() })),
  }),
  /** When every gate can be met, not only the share (docs/domain.md#exit-forecast). */
  exitForecast: ExitForecastSchema,
});
export type Summary = z.infer<typeof SummarySchema>;
