import { z } from 'zod';
import { BooleanQuerySchema, InstantSchema, IsoDateSchema, MAX_LIMIT, PageQuerySchema, UuidSchema, pageQueryWith, text } from './common';

export const PersonSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  name: z.string(),
  title: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export const CreatePersonSchema = z.object({ name: text(200), title: text(200).nullable().optional() }).strict();
export type CreatePerson = z.input<typeof CreatePersonSchema>;
export const UpdatePersonSchema = z.object({ name: text(200), title: text(200).nullable() }).partial().strict();
export type UpdatePerson = z.input<typeof UpdatePersonSchema>;
export const PersonListQuerySchema = PageQuerySchema.strict();

/** 0 none, 1 aware, 2 with help, 3 independent, 4 can teach. */
export const LevelSchema = z.number().int('must be a whole number').min(0, 'must be between 0 and 4').max(4, 'must be between 0 and 4');
export const LEVEL_NAMES = ['none', 'aware', 'with help', 'independent', 'can teach'] as const;

export const SkillSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  name: z.string(),
  category: z.string().nullable(),
  requiredLevel: z.number().int(),
  requiredPeople: z.number().int(),
  critical: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Skill = z.infer<typeof SkillSchema>;

const skillFields = {
  name: text(200),
  category: text(100).nullable(),
  requiredLevel: z.number().int('must be a whole number').min(1, 'must be between 1 and 4').max(4, 'must be between 1 and 4'),
  requiredPeople: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10000, 'must be at most 10000'),
  critical: z.boolean(),
};
export const CreateSkillSchema = z
  .object({
    name: skillFields.name,
    category: skillFields.category.optional(),
    requiredLevel: skillFields.requiredLevel,
    requiredPeople: skillFields.requiredPeople.default(1),
    critical: skillFields.critical.default(false),
  })
  .strict();
export type CreateSkill = z.input<typeof CreateSkillSchema>;
export const UpdateSkillSchema = z.object(skillFields).partial().strict();
export type UpdateSkill = z.input<typeof UpdateSkillSchema>;
export const SkillListQuerySchema = PageQuerySchema.extend({
  category: z.string().max(100).optional(),
  critical: BooleanQuerySchema.optional(),
}).strict();

export const AssessmentSchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  personId: UuidSchema,
  skillId: UuidSchema,
  level: z.number().int(),
  assessedAt: InstantSchema,
  note: z.string().nullable(),
  assessedBy: z.object({ id: UuidSchema, email: z.string() }),
  createdAt: InstantSchema,
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const CreateAssessmentSchema = z
  .object({
    personId: UuidSchema,
    skillId: UuidSchema,
    level: LevelSchema,
    assessedAt: z.iso.datetime({ offset: true, message: 'must be a date and time with its time zone, such as 2026-03-02T10:00:00Z' }).optional(),
    note: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .strict();
export type CreateAssessment = z.input<typeof CreateAssessmentSchema>;
export const AssessmentListQuerySchema = PageQuerySchema.extend({
  personId: UuidSchema.optional(),
  skillId: UuidSchema.optional(),
}).strict();

export const CoverageItemSchema = z.object({
  skillId: UuidSchema,
  name: z.string(),
  category: z.string().nullable(),
  requiredLevel: z.number().int(),
  requiredPeople: z.number().int(),
  qualifiedPeople: z.number().int(),
  gap: z.number().int(),
  critical: z.boolean(),
});
export type CoverageItem = z.infer<typeof CoverageItemSchema>;
export const CoverageSchema = z.object({
  items: z.array(CoverageItemSchema),
  totals: z.object({ required: z.number().int(), gap: z.number().int(), closedShare: z.number() }),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** A plan holds at most this many skills, so a page of the matrix holds at most MAX_LIMIT × this cells. */
export const MAX_SKILLS_PER_PLAN = 200;

/** `?asOf=`, and the people on this page: `?limit=` (default and most 200) and `?offset=`, by name. */
export const MatrixQuerySchema = pageQueryWith(MAX_LIMIT).extend({ asOf: IsoDateSchema.optional() }).strict();
export type MatrixQuery = z.output<typeof MatrixQuerySchema>;

export const MatrixSchema = z.object({
  people: z.array(z.object({ id: UuidSchema, name: z.string(), title: z.string().nullable() })),
  skills: z.array(
    z.object({
      id: UuidSchema,
      name: z.string(),
      category: z.string().nullable(),
      requiredLevel: z.number().int(),
      critical: z.boolean(),
    }),
  ),
  /** One cell per person and skill: the current level (0 when never assessed). */
  cells: z.array(
    z.object({ personId: UuidSchema, skillId: UuidSchema, level: z.number().int(), assessedAt: InstantSchema.nullable() }),
  ),
  /** People in the plan (as of the day); this answer holds `people` from `offset`, at most `limit`. */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type Matrix = z.infer<typeof MatrixSchema>;
