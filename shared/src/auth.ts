import { z } from 'zod';
import { InstantSchema, IsoDateSchema, UuidSchema, text } from './common';
import { RoleSchema } from './roles';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const EmailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((v) => v.toLowerCase());

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const LoginSchema = z
  .object({
    email: z.string().max(254, 'must be at most 254 characters'),
    password: z.string().max(1024, 'is too long'),
  })
  .strict();
export type Login = z.infer<typeof LoginSchema>;

export const UserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  /** False once an admin deactivated the user: no sign-in, every session and API token revoked. */
  active: z.boolean(),
  createdAt: InstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const CreateUserSchema = z
  .object({
    email: EmailSchema,
    name: text(200),
    password: PasswordSchema,
    isAdmin: z.boolean().optional(),
  })
  .strict();
export type CreateUser = z.input<typeof CreateUserSchema>;

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().max(1024), newPassword: PasswordSchema })
  .strict();
export type ChangePassword = z.input<typeof ChangePasswordSchema>;

export const LoginResponseSchema = z.object({ token: z.string(), user: UserSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MembershipSchema = z.object({
  planId: UuidSchema,
  planName: z.string(),
  role: RoleSchema,
  /** The last day is the one before this date: from it on the membership is void (null: no end). */
  effectiveAccessUntil: IsoDateSchema.nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({ user: UserSchema, memberships: z.array(MembershipSchema) });
export type Me = z.infer<typeof MeSchema>;

/** What a scoped API token may do; a token without scopes acts with its owner's full rights. */
export const API_TOKEN_SCOPES = ['posts:write'] as const;
export const ApiTokenScopeSchema = z.enum(API_TOKEN_SCOPES, { message: `must be one of: ${API_TOKEN_SCOPES.join(', ')}` });
export type ApiTokenScope = z.infer<typeof ApiTokenScopeSchema>;

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export const CreateApiTokenSchema = z
  .object({
    name: text(100),
    /** Days until the token stops working; default API_TOKEN_DEFAULT_DAYS. */
    expiresInDays: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(API_TOKEN_MAX_DAYS, `must be at most ${API_TOKEN_MAX_DAYS}`)
      .optional(),
    /** With `scopes`: the one plan the token may act in. */
    planId: UuidSchema.optional(),
    scopes: z
      .array(ApiTokenScopeSchema)
      .min(1, 'must name at least one scope')
      .max(API_TOKEN_SCOPES.length)
      .refine((v) => new Set(v).size === v.length, 'must not repeat a scope')
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.planId !== undefined && v.scopes === undefined) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'is required with planId' });
    }
    if (v.scopes !== undefined && v.planId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['planId'], message: 'is required with scopes' });
    }
  });
export type CreateApiToken = z.input<typeof CreateApiTokenSchema>;

const apiTokenFields = {
  id: UuidSchema,
  name: z.string(),
  expiresAt: InstantSchema,
  /** The plan a scoped token is bound to; null for an unscoped token. */
  planId: UuidSchema.nullable(),
  /** Empty for an unscoped token (it acts with its owner's rights). */
  scopes: z.array(ApiTokenScopeSchema),
};
export const ApiTokenSchema = z.object({
  ...apiTokenFields,
  createdAt: InstantSchema,
  lastUsedAt: InstantSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const CreatedApiTokenSchema = z.object({ ...apiTokenFields, token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
