import { z } from 'zod';

export const RoleSchema = z.enum(['lead', 'executive', 'agency']);
export type Role = z.infer<typeof RoleSchema>;
