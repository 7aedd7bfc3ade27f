import { z } from 'zod';

export const UuidSchema = z.uuid({ message: 'must be a UUID' });

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDate, 'must be a real calendar date');

/** An instant in ISO 8601; any offset is accepted on input, output is always UTC with milliseconds. */
export const InstantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Text a person typed: trimmed, not blank, bounded. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const IntString = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a non-negative integer');

/** `?limit=&offset=`; a limit above the maximum is capped, not refused. */
export const PageQuerySchema = z.object({
  limit: IntString.optional()
    .transform((v) => (v === undefined ? DEFAULT_LIMIT : Math.min(Number(v), MAX_LIMIT)))
    .refine((v) => v >= 1, 'must be at least 1'),
  offset: IntString.optional().transform((v) => (v === undefined ? 0 : Number(v))),
});
export type PageQuery = z.output<typeof PageQuerySchema>;

export const BooleanQuerySchema = z.enum(['true', 'false']).transform((v) => v === 'true');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export const HealthSchema = z.object({ status: z.literal('ok') });
