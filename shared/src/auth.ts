import { z } from 'zod';
import { InstantSchema, UuidSchema, text } from './common';
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
});
export type Membership = z.infer<typeof MembershipSchema>;

export const MeSchema = z.object({ user: UserSchema, memberships: z.array(MembershipSchema) });
export type Me = z.infer<typeof MeSchema>;

export const CreateApiTokenSchema = z.object({ name: text(100) }).strict();
export type CreateApiToken = z.input<typeof CreateApiTokenSchema>;
export const ApiTokenSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  createdAt: InstantSchema,
  lastUsedAt: InstantSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const CreatedApiTokenSchema = z.object({ id: UuidSchema, name: z.string(), token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
