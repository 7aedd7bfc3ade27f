import { z } from 'zod';
import { ImportCommitResultSchema, ImportUploadSchema } from './ingest';
import { ProblemSchema } from './problem';

// The state of a mapped import as `GET /plans/:planId/imports/:id` shows it (docs/domain.md#mapped-imports).

export const ImportStatusValueSchema = z.enum(['open', 'committing', 'committed']);
export type ImportStatusValue = z.infer<typeof ImportStatusValueSchema>;

export const ImportStatusSchema = ImportUploadSchema.extend({
  /** `open`: mapping and preview; `committing`: a commit runs (`progress` rows read); `committed`: `result` says what it stored. */
  status: ImportStatusValueSchema,
  progress: z.object({ rows: z.number().int().min(0) }),
  result: ImportCommitResultSchema.optional(),
  /** Why the last commit was refused (the upload is open again), as the commit would have answered it. */
  error: ProblemSchema.optional(),
  expiresAt: z.string(),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
