import { z } from 'zod';
import { InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema } from './common';
import { ExitForecastSchema } from './exit-forecast';
import { HandoverStatusSchema } from './handovers';
import { MilestoneStatusSchema } from './milestones';
import { TargetsSchema } from './plans';
import { GateKeySchema } from './gates';
import { ExitItemStatusSchema } from './exit';
import { SummarySchema } from './summary';

export const SnapshotKindSchema = z.enum(['weekly', 'manual', 'final']);
export type SnapshotKind = z.infer<typeof SnapshotKindSchema>;

/** A lead's traffic light on the week. */
export const RagSchema = z.enum(['green', 'amber', 'red']);
export type Rag = z.infer<typeof RagSchema>;

/** The state of every milestone, handover and exit item when the snapshot was taken: what `compare` reads. */
export const SnapshotItemsSchema = z.object({
  milestones: z.array(
    z.object({
      id: UuidSchema,
      title: z.string(),
      status: MilestoneStatusSchema,
      dueDate: IsoDateSchema,
      weight: z.number().int(),
      completedAt: InstantSchema.nullable(),
    }),
  ),
  handovers: z.array(z.object({ id: UuidSchema, title: z.string(), status: HandoverStatusSchema })),
  /** Snapshots taken before the exit checklist have none. */
  exitItems: z.array(z.object({ id: UuidSchema, name: z.string(), status: ExitItemStatusSchema })).default([]),
});
export type SnapshotItems = z.output<typeof SnapshotItemsSchema>;

/** A frozen summary; `exitForecast` and `exitItems` are read when present (snapshots taken before them have none). */
export const SnapshotSummarySchema = SummarySchema.extend({
  exitForecast: ExitForecastSchema.optional(),
  exitItems: SummarySchema.shape.exitItems.optional(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

export const SnapshotSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  kind: SnapshotKindSchema,
  /** The Monday of the week a weekly snapshot reports on; null for manual and final ones. */
  weekStart: IsoDateSchema.nullable(),
  takenAt: InstantSchema,
  rag: RagSchema.nullable(),
  note: z.string().nullable(),
  summary: SnapshotSummarySchema,
  targets: TargetsSchema,
  items: SnapshotItemsSchema,
  /** Rebuilt from history where history could not give every value exactly (backfill). */
  approximate: z.boolean(),
  version: z.number().int(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** A list item: the snapshot without its items, which only `compare` needs. */
export const SnapshotListItemSchema = SnapshotSchema.omit({ items: true });
export type SnapshotListItem = z.infer<typeof SnapshotListItemSchema>;

const NoteSchema = z.string().trim().max(5000, 'must be at most 5000 characters').nullable();

export const CreateSnapshotSchema = z.object({ rag: RagSchema.nullable().default(null), note: NoteSchema.default(null) }).strict();
export type CreateSnapshot = z.input<typeof CreateSnapshotSchema>;

/** Only the status note is editable; the figures never change. */
export const UpdateSnapshotSchema = z.object({ rag: RagSchema.nullable(), note: NoteSchema }).partial().strict();
export type UpdateSnapshot = z.input<typeof UpdateSnapshotSchema>;

export const SnapshotCompareQuerySchema = z.object({ from: UuidSchema, to: UuidSchema }).strict();

const FromTo = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });
const ReadinessChangeSchema = z.object({ from: z.number(), to: z.number(), delta: z.number() });

export const SnapshotComparisonSchema = z.object({
  readiness: ReadinessChangeSchema.extend({
    components: z.object({
      milestones: ReadinessChangeSchema,
      skills: ReadinessChangeSchema,
      posts: ReadinessChangeSchema,
      handovers: ReadinessChangeSchema,
    }),
  }),
  /** Gates whose `met` differs; null on a side where the gate did not exist yet. */
  gatesChanged: z.array(z.object({ key: GateKeySchema, from: z.boolean().nullable(), to: z.boolean().nullable() })),
  milestonesCompleted: z.array(z.object({ id: UuidSchema, title: z.string(), completedAt: InstantSchema.nullable() })),
  milestonesSlipped: z.array(z.object({ id: UuidSchema, title: z.string(), dueFrom: IsoDateSchema, dueTo: IsoDateSchema })),
  handoversMoved: z.array(z.object({ id: UuidSchema, title: z.string(), from: HandoverStatusSchema, to: HandoverStatusSchema })),
  /** Exit checklist items on another step of their ladder (forward or back); empty against a snapshot taken before the checklist. */
  exitItemsMoved: z.array(z.object({ id: UuidSchema, name: z.string(), from: ExitItemStatusSchema, to: ExitItemStatusSchema })),
  /** The in-house share of the posts window. */
  share: FromTo(z.number()),
  /** The in-house share trend's projected week (the summary's `forecast`). */
  forecast: FromTo(IsoDateSchema.nullable()),
  /** The projected exit date over every gate; null on a side without one. */
  exitForecast: FromTo(IsoDateSchema.nullable()),
});
export type SnapshotComparison = z.infer<typeof SnapshotComparisonSchema>;

export const SnapshotListQuerySchema = PageQuerySchema.extend({ kind: SnapshotKindSchema.optional() }).strict();
export type SnapshotListQuery = z.output<typeof SnapshotListQuerySchema>;

/** What a backfill did: the weeks it filled (Mondays, oldest first) and how many of them are approximate. */
export const SnapshotBackfillResultSchema = z.object({
  created: z.number().int(),
  approximate: z.number().int(),
  weeks: z.array(IsoDateSchema),
});
export type SnapshotBackfillResult = z.infer<typeof SnapshotBackfillResultSchema>;
