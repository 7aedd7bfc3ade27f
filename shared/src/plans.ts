import { z } from 'zod';
import { InstantSchema, IsoDateSchema, UuidSchema, text } from './common';
import { RoleSchema } from './roles';

const ShareSchema = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const TargetsSchema = z.object({
  inHouseShare: ShareSchema,
  sustainWeeks: z.number().int('must be a whole number').min(1, 'must be at least 1').max(52, 'must be at most 52'),
  internalAdoption: ShareSchema,
});
export type Targets = z.infer<typeof TargetsSchema>;
export const DEFAULT_TARGETS: Targets = { inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 };

export const PlanSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  brand: z.string(),
  agencyName: z.string(),
  startDate: IsoDateSchema,
  targetExitDate: IsoDateSchema,
  contractEndDate: IsoDateSchema.nullable(),
  targets: TargetsSchema,
  /** When a lead ended the agency (docs/domain.md#ending-the-agency); null while the agency is still in. */
  exitedAt: InstantSchema.nullable(),
  /** The reason given when the agency was ended with gates still open; null otherwise. */
  exitOverrideReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

const planFields = {
  name: text(200),
  brand: text(200),
  agencyName: text(200),
  startDate: IsoDateSchema,
  targetExitDate: IsoDateSchema,
  contractEndDate: IsoDateSchema.nullable(),
};

function checkDates(
  v: { startDate?: string; targetExitDate?: string; contractEndDate?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.startDate && v.targetExitDate && v.targetExitDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['targetExitDate'], message: 'must not be before startDate' });
  }
  if (v.startDate && v.contractEndDate && v.contractEndDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['contractEndDate'], message: 'must not be before startDate' });
  }
}

export const CreatePlanSchema = z
  .object({
    ...planFields,
    contractEndDate: planFields.contractEndDate.optional(),
    targets: TargetsSchema.partial().strict().optional(),
    /** Users made leads of the new plan, in the same transaction. */
    leads: z.array(UuidSchema).max(50).optional(),
  })
  .strict()
  .superRefine(checkDates);
export type CreatePlan = z.input<typeof CreatePlanSchema>;

export const UpdatePlanSchema = z
  .object({
    name: planFields.name,
    brand: planFields.brand,
    agencyName: planFields.agencyName,
    startDate: planFields.startDate,
    targetExitDate: planFields.targetExitDate,
    contractEndDate: planFields.contractEndDate,
    targets: TargetsSchema.partial().strict(),
  })
  .partial()
  .strict()
  .superRefine(checkDates);
export type UpdatePlan = z.input<typeof UpdatePlanSchema>;

export const MemberSchema = z.object({
  userId: UuidSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** As set on the membership; null: none set (an agency member then follows the plan's contractEndDate). */
  accessUntil: IsoDateSchema.nullable(),
  /** The date from which the member is out, as it stands today (null: no end). */
  effectiveAccessUntil: IsoDateSchema.nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

/** PUT replaces the membership: leaving out `accessUntil` clears it (agency members then follow contractEndDate). */
export const PutMemberSchema = z.object({ role: RoleSchema, accessUntil: IsoDateSchema.nullable().optional() }).strict();
export type PutMember = z.input<typeof PutMemberSchema>;

/**
 * The date from which a member is out of the plan (docs/domain.md#access-lifecycle): their own
 * `accessUntil`, else for an agency member the plan's `contractEndDate` as it is now; null: no end.
 */
export function effectiveAccessUntil(role: string, accessUntil: string | null, contractEndDate: string | null): string | null {
  return accessUntil ?? (role === 'agency' ? contractEndDate : null);
}

/** Whether a membership ending on `until` is still in force on `today` (the end date itself is out). */
export function accessInForce(until: string | null, today: string): boolean {
  return until === null || today < until;
}
