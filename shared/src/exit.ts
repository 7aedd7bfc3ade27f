import { z } from 'zod';
import { InstantSchema, IsoDateSchema, PageQuerySchema, UuidSchema, text } from './common';
import { GateKeySchema } from './gates';

/** What the agency holds and must hand back (docs/domain.md#the-agency-exit). */
export const ExitItemKindSchema = z.enum([
  'social_account',
  'ad_account',
  'admin_role',
  'credential',
  'brand_asset',
  'content_library',
  'analytics_history',
  'contract',
  'other',
]);
export type ExitItemKind = z.infer<typeof ExitItemKindSchema>;
export const EXIT_ITEM_KINDS = ExitItemKindSchema.options;

/** The ladder, in order: listed → the team can get in → the team owns it → the agency is out → a lead checked. */
export const ExitItemStatusSchema = z.enum(['listed', 'access_shared', 'ownership_transferred', 'agency_removed', 'verified']);
export type ExitItemStatus = z.infer<typeof ExitItemStatusSchema>;
export const EXIT_ITEM_LADDER = ExitItemStatusSchema.options;

export const ExitItemTransitionSchema = z.object({
  from: ExitItemStatusSchema,
  to: ExitItemStatusSchema,
  at: InstantSchema,
  /** Who moved it; `name` is their current display name. */
  actor: z.object({ id: UuidSchema, email: z.string(), name: z.string() }),
  note: z.string().nullable(),
});
export type ExitItemTransition = z.infer<typeof ExitItemTransitionSchema>;

export const ExitItemSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  kind: ExitItemKindSchema,
  name: z.string(),
  channel: z.string().nullable(),
  /** The in-house person who will own it (a person of the plan). */
  owner: UuidSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  status: ExitItemStatusSchema,
  /** A note saying how the step was shown, never a credential. */
  evidence: z.string().nullable(),
  /** An http(s) link without user or password. */
  evidenceUrl: z.string().nullable(),
  history: z.array(ExitItemTransitionSchema),
  createdBy: UuidSchema.nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type ExitItem = z.infer<typeof ExitItemSchema>;

/** An http(s) URL without user or password; the credential check runs in the API. */
export const EvidenceUrlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be an http(s) link without a user name or password');

const exitItemFields = {
  kind: ExitItemKindSchema,
  name: text(200),
  channel: text(50).nullable(),
  owner: UuidSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  evidence: z.string().trim().max(2000, 'must be at most 2000 characters').nullable(),
  evidenceUrl: EvidenceUrlSchema.nullable(),
};
export const CreateExitItemSchema = z
  .object({
    kind: exitItemFields.kind,
    name: exitItemFields.name,
    channel: exitItemFields.channel.optional(),
    owner: exitItemFields.owner.optional(),
    dueDate: exitItemFields.dueDate.optional(),
    evidence: exitItemFields.evidence.optional(),
    evidenceUrl: exitItemFields.evidenceUrl.optional(),
  })
  .strict();
export type CreateExitItem = z.input<typeof CreateExitItemSchema>;
export const UpdateExitItemSchema = z.object(exitItemFields).partial().strict();
export type UpdateExitItem = z.input<typeof UpdateExitItemSchema>;

export const CreateExitItemTransitionSchema = z
  .object({
    to: ExitItemStatusSchema,
    /** The step the client saw: when the item is no longer there the move is refused (409). */
    from: ExitItemStatusSchema.optional(),
    note: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .strict();
export type CreateExitItemTransition = z.input<typeof CreateExitItemTransitionSchema>;

export const ExitItemListQuerySchema = PageQuerySchema.extend({
  kind: ExitItemKindSchema.optional(),
  status: ExitItemStatusSchema.optional(),
}).strict();
export type ExitItemListQuery = z.infer<typeof ExitItemListQuerySchema>;

/** How knowledge moved from the agency to the team. */
export const KtMethodSchema = z.enum(['shadowing', 'reverse_shadowing', 'workshop', 'documentation']);
export type KtMethod = z.infer<typeof KtMethodSchema>;

export const KtSessionSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  date: IsoDateSchema,
  topic: z.string(),
  method: KtMethodSchema,
  /** Who gave it, as written (often an agency person who is not a person of the plan). */
  givenBy: z.string(),
  /** People of the plan who attended. */
  attendees: z.array(UuidSchema),
  handoverIds: z.array(UuidSchema),
  skillIds: z.array(UuidSchema),
  materialsUrl: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: UuidSchema.nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type KtSession = z.infer<typeof KtSessionSchema>;

/** Up to 100 ids, none twice (a person attends a session once). */
const idList = (what: string) =>
  z
    .array(UuidSchema)
    .max(100, `must list at most 100 ${what}`)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');

const ktFields = {
  date: IsoDateSchema,
  topic: text(200),
  method: KtMethodSchema,
  givenBy: text(200),
  attendees: idList('people'),
  handoverIds: idList('handovers'),
  skillIds: idList('skills'),
  materialsUrl: EvidenceUrlSchema.nullable(),
  notes: z.string().trim().max(5000, 'must be at most 5000 characters').nullable(),
};
export const CreateKtSessionSchema = z
  .object({
    date: ktFields.date,
    topic: ktFields.topic,
    method: ktFields.method,
    givenBy: ktFields.givenBy,
    attendees: ktFields.attendees.optional(),
    handoverIds: ktFields.handoverIds.optional(),
    skillIds: ktFields.skillIds.optional(),
    materialsUrl: ktFields.materialsUrl.optional(),
    notes: ktFields.notes.optional(),
  })
  .strict();
export type CreateKtSession = z.input<typeof CreateKtSessionSchema>;
export const UpdateKtSessionSchema = z.object(ktFields).partial().strict();
export type UpdateKtSession = z.input<typeof UpdateKtSessionSchema>;

export const KtSessionListQuerySchema = PageQuerySchema.extend({
  handoverId: UuidSchema.optional(),
  skillId: UuidSchema.optional(),
  method: KtMethodSchema.optional(),
  /** Sessions on or after this date. */
  from: IsoDateSchema.optional(),
  /** Sessions on or before this date. */
  to: IsoDateSchema.optional(),
})
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['from'], message: 'must not be after to' });
export type KtSessionListQuery = z.infer<typeof KtSessionListQuerySchema>;

/** `POST /plans/:planId/exit`: ending the agency (docs/domain.md#ending-the-agency). */
export const ExitRequestSchema = z
  .object({
    confirm: z.literal(true, 'must be true: ending the agency cannot be undone'),
    /** Ends the agency with gates still open; the reason is kept in the activity log. */
    override: z.object({ reason: text(2000) }).strict().optional(),
  })
  .strict();
export type ExitRequest = z.input<typeof ExitRequestSchema>;

export const ExitResultSchema = z.object({
  planId: UuidSchema,
  exitedAt: InstantSchema,
  /** Gates open when the exit was made (non-empty only with an override). */
  unmetGates: z.array(GateKeySchema),
  overrideReason: z.string().nullable(),
  /** Agency memberships whose access now ends on `accessEndsOn`. */
  agencyMembershipsEnded: z.number().int(),
  accessEndsOn: IsoDateSchema,
  /** Plan-scoped API tokens of agency members revoked. */
  tokensRevoked: z.number().int(),
  /** The final snapshot taken. */
  snapshotId: UuidSchema,
});
export type ExitResult = z.infer<typeof ExitResultSchema>;
