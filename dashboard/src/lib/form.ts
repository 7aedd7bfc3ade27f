import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from './api-client';
import { fieldLabel, plainMessage } from './messages';

/**
 * Where a refusal of one request path shows in a form: the field that holds it and the message in
 * the form's own terms (a target in percent, not a share from 0 to 1); null to use the default.
 */
export type ErrorPlacement = (path: string, message: string) => { field: string; message: string } | null;

/**
 * Puts one error on its field: the placement's answer, else the field named by the path's first
 * part when the form has it. An error no field of the form shows becomes `root` (shown as the
 * form's notice), so a refusal is never silent.
 */
function placeError(path: string, message: string, fields: readonly string[], place?: ErrorPlacement): { field: string; message: string } {
  const placed = place?.(path, message);
  if (placed) return placed;
  const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
  return field ? { field, message } : { field: 'root', message: `${fieldLabel(path)}: ${message}` };
}

const valueAt = (payload: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), payload);

/** A schema's message for a value the person left blank or mistyped reads as what to do. */
function messageFor(issue: z.core.$ZodIssue, payload: unknown): string {
  const value = valueAt(payload, issue.path);
  if (value === '') return 'must not be empty';
  if (typeof value === 'number' && Number.isNaN(value)) return 'must be a number';
  return plainMessage(issue.message);
}

/**
 * A resolver that validates with a shared schema what the form would send: form values (strings
 * from inputs) are turned into the request payload first, so the same schema runs in the browser and
 * on the server. Each error lands on the field that shows it (see `placeError`).
 */
export function sharedResolver<V extends FieldValues, S extends z.ZodType>(schema: S, toPayload: (values: V) => unknown, place?: ErrorPlacement): Resolver<V> {
  return async (values) => {
    const payload = toPayload(values);
    const result = await schema.safeParseAsync(payload);
    if (result.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const { field, message } = placeError(issue.path.map(String).join('.'), messageFor(issue, payload), Object.keys(values), place);
      errors[field] ??= { type: issue.code, message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/**
 * Puts the server's field errors on their fields (focusing the first); returns the messages no
 * field of the form shows, for the form's notice.
 */
export function applyServerErrors<V extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<V>,
  fields: readonly string[],
  place?: ErrorPlacement,
): { placed: boolean; unplaced: string[] } {
  let placed = false;
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const target = placeError(path, message, fields, place);
    if (target.field === 'root') unplaced.push(target.message);
    else {
      setError(target.field as Path<V>, { type: 'server', message: target.message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return { placed, unplaced };
}

/** Blank input → null (optional nullable text fields). */
export const blankToNull = (v: string | undefined | null): string | null => (v === undefined || v === null || v.trim() === '' ? null : v);

/** Blank input → NaN, so the schema says "required" rather than reading 0. */
export const numberOrNaN = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));
