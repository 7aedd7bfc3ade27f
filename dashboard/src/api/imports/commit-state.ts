import { ImportCommitResultSchema, type ImportCommitResult } from '@handover/shared';
import { z } from 'zod';

/** Where a commit stands: finished with its result, refused or failed, or still writing (with how far, when said). */
export type CommitState =
  | { state: 'done'; result: ImportCommitResult }
  | { state: 'failed'; message: string }
  | { state: 'running'; done: number | null; total: number | null };

const count = z.number().int().min(0);
const Progress = z.union([
  z.object({ done: count, total: count }),
  z.object({ processed: count, total: count }).transform((p) => ({ done: p.processed, total: p.total })),
  z.object({ inserted: count, total: count }).transform((p) => ({ done: p.inserted, total: p.total })),
  // The API's own: rows read so far; the total is the preview's.
  z.object({ rows: count }).transform((p) => ({ done: p.rows, total: null })),
]);
const Status = z.object({
  status: z.string().optional(),
  result: ImportCommitResultSchema.nullish(),
  progress: Progress.nullish(),
  /** Why a commit was refused: the upload is `open` again, with the problem the commit would have answered. */
  error: z.object({ detail: z.string().optional(), title: z.string().optional() }).nullish(),
  message: z.string().optional(),
});

/** `open` while polling: the commit ended without a result (refused, or the process stopped), so nothing was stored. */
const FAILED = new Set(['open', 'failed', 'error', 'expired', 'discarded']);

/**
 * Reads the answer of `POST .../commit` (200: the result) or of `GET .../imports/:id` while a long
 * commit runs (202): its `result` once written, its `progress` meanwhile, or a failed status.
 */
export function readCommitState(body: unknown): CommitState {
  const direct = ImportCommitResultSchema.safeParse(body);
  if (direct.success) return { state: 'done', result: direct.data };
  const status = Status.safeParse(body);
  if (!status.success) return { state: 'running', done: null, total: null };
  const s = status.data;
  if (s.result) return { state: 'done', result: s.result };
  if (s.status && FAILED.has(s.status.toLowerCase()))
    return { state: 'failed', message: s.error?.detail ?? s.error?.title ?? s.message ?? 'The import failed; nothing was stored.' };
  return { state: 'running', done: s.progress?.done ?? null, total: s.progress?.total ?? null };
}
