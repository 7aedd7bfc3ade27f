import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from './api-client';

/**
 * A resolver that validates with a shared schema what the form would send: form values (strings
 * from inputs) are turned into the request payload first, so the same schema runs in the browser and
 * on the server, and its error paths match the field names.
 */
export function sharedResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toPayload: (values: V) => unknown,
): Resolver<V> {
  const inner = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return async (values, context, options) => {
    const result = await inner(toPayload(values) as FieldValues, context, options as never);
    if (Object.keys(result.errors).length > 0) return { values: {}, errors: result.errors } as never;
    return { values, errors: {} } as never;
  };
}

/** Puts the server's field errors on their fields; returns whether any field matched. */
export function applyServerErrors<V extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<V>,
  fields: readonly string[],
): boolean {
  if (!(error instanceof ApiError)) return false;
  let matched = false;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (field) {
      setError(field as Path<V>, { type: 'server', message });
      matched = true;
    }
  }
  return matched;
}

/** Blank input → null (optional nullable text fields). */
export const blankToNull = (v: string | undefined | null): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);

/** Blank input → NaN, so the schema says "required" rather than reading 0. */
export const numberOrNaN = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));
