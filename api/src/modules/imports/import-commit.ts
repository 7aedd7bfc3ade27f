import { ImportMappingSchema, type ImportCommitResult, type ImportMapping } from '@handover/shared';
import { AppError, conflict, forbidden, unprocessable } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import type { Tx } from '../../db/data-source';
import { deleteUploadChunks, setUploadProgress, updateUpload, type StoredUpload } from '../../db/repositories/import-uploads.repository';
import { mappedPostInserter, type MappedPostRow, type Piece } from '../../db/repositories/post-import.repository';
import { rosterRules } from '../../db/repositories/roster.repository';
import type { Deps } from '../deps';
import { Roster } from '../ingest/classify';
import { previewRecords } from '../ingest/pipeline';
import type { PreviewedRow } from '../ingest/preview';
import { HEARTBEAT_MS, claimImport, discardRun, heartbeat, releaseRun } from '../posts/import-run';
import { CHUNK_ROWS, PIECE_ROWS } from '../posts/post-import';
import { RollupDelta } from '../posts/rollups';
import { asProblem, openRecords } from './upload-store';

/** The mapping an upload keeps once `PUT .../mapping` accepted it. */
export type SavedUploadMapping = { mapping: ImportMapping; headerRow: number; sheet: string | null };

export function uploadMapping(upload: StoredUpload): SavedUploadMapping | null {
  if (!upload.mapping) return null;
  const saved = JSON.parse(upload.mapping) as SavedUploadMapping;
  return { ...saved, mapping: ImportMappingSchema.parse(saved.mapping) };
}

export type CommitHooks = {
  /** The service's write: one transaction with whatever the request asked to do before the commit. */
  write: <T>(fn: (m: Tx) => Promise<T>) => Promise<T>;
  /** Logs the import inside the final transaction. */
  log: (m: Tx, changes: Record<string, unknown>) => Promise<void>;
  agencyOnly: boolean;
  /** Called once the plan's import lock is held and the upload marked `committing`. */
  onClaimed?: () => void;
};

/** How often the upload's progress is written while committing (docs/domain.md#mapped-imports). */
const PROGRESS_MS = 500;

const unclassifiedMessage = (n: number) =>
  `${n === 1 ? '1 row is' : `${n} rows are`} unclassified: add roster entries for the authors or accounts the preview lists as unknown, or give a default side`;

/**
 * Commits an open upload with its mapping, through the plain import's machinery: the plan's import
 * lock (409 while another import of the plan runs, API or CLI), rows written a chunk per short
 * transaction and hidden until one last transaction makes them visible with the rollups. Refused
 * (422) while any row is invalid or unclassified, 403 for agency staff when a row is not agency;
 * a refused commit leaves nothing behind and the upload open again (docs/domain.md#mapped-imports).
 */
export async function commitUpload(deps: Deps, ctx: PlanCtx, upload: StoredUpload, hooks: CommitHooks): Promise<ImportCommitResult> {
  const { db, clock } = deps;
  const saved = uploadMapping(upload);
  if (!saved) throw unprocessable([{ path: 'mapping', message: 'set a mapping first (PUT .../mapping)' }], 'The upload has no mapping yet; nothing was imported.');
  const run = await claimImport(db, clock, { planId: ctx.planId, userId: ctx.user.id, dryRun: false });
  const claimed = await db.write((m) => updateUpload(m, upload.id, ['open', 'committing'], { status: 'committing', runId: run.id, progress: 0, result: null }));
  if (!claimed) {
    await discardRun(db, clock, run);
    throw conflict('The upload was discarded or committed meanwhile.', 'import-in-progress');
  }
  hooks.onClaimed?.();
  const origin = `import:${upload.id}`;
  const createdAt = clock.now().toISOString();
  const delta = new RollupDelta();
  const inserter = mappedPostInserter(db, ctx.planId, createdAt, run.id, origin);
  let handed = 0;
  let unclassified = 0;
  let line = 0;
  let batch: MappedPostRow[] = [];
  let pieces: Array<Piece<MappedPostRow>> = [];
  let pieceRows = 0;
  let writing: Promise<void> = Promise.resolve();
  let lastBeat = Date.now();
  let lastProgress = 0;
  const writeChunk = async (chunk: Array<Piece<MappedPostRow>>, progress: number) => {
    const counts: Array<[string, string, string, number]> = [];
    const due = Date.now() - lastProgress >= PROGRESS_MS;
    await db.bulkWrite(async (m) => {
      counts.length = 0; // a PostgreSQL retry runs the transaction again
      await heartbeat(m, clock, run);
      await inserter.insert(m, chunk, (...c) => counts.push(c));
      if (due) await setUploadProgress(m, upload.id, progress);
    });
    lastBeat = Date.now();
    if (due) lastProgress = lastBeat;
    for (const [day, channel, source, n] of counts) delta.add(day, channel, source, n);
  };
  // Rows are encoded a piece at a time as they come (docs/performance.md#postgresql-import).
  const hand = () => {
    if (!batch.length) return;
    pieces.push(inserter.encode(batch));
    pieceRows += batch.length;
    batch = [];
  };
  const flush = async () => {
    hand();
    const chunk = pieces;
    pieces = [];
    pieceRows = 0;
    const previous = writing;
    writing = previous.then(() => writeChunk(chunk, line));
    writing.catch(() => undefined); // awaited below
    await previous;
  };
  const onRow = async ({ line: at, post, classification }: PreviewedRow) => {
    line = at;
    if ('unclassified' in classification) {
      unclassified++;
      return;
    }
    if (hooks.agencyOnly && classification.source !== 'agency') {
      throw forbidden(`Line ${at}: agency staff may import only posts on the agency side; nothing was imported.`);
    }
    if (unclassified) {
      // Already refused: classify the rest only to count, keeping the lock alive.
      if (Date.now() - lastBeat > HEARTBEAT_MS) await writeChunk([], line);
      return;
    }
    handed++;
    batch.push({
      channel: post.channel,
      publishedAt: post.publishedAt,
      source: classification.source,
      externalId: post.externalId ?? null,
      author: post.author ?? null,
      account: post.account ?? null,
      permalink: post.permalink ?? null,
      publisher: post.publisher ?? null,
      classifiedBy: classification.classifiedBy,
      rosterEntryId: classification.rosterEntryId ?? null,
    });
    if (batch.length < PIECE_ROWS) return;
    hand();
    if (pieceRows >= CHUNK_ROWS[db.dialect]) await flush();
  };
  try {
    const roster = new Roster(await db.read((m) => rosterRules(m, ctx.planId)));
    let outcome;
    try {
      const records = await openRecords(db, upload.id, upload.format, saved.sheet);
      outcome = await previewRecords(records, { mapping: saved.mapping, headerRow: saved.headerRow, roster, onRow });
    } catch (error) {
      throw asProblem(error);
    }
    if ('error' in outcome) throw unprocessable([{ path: 'mapping', message: outcome.error }], 'The mapping does not fit the file; nothing was imported.');
    const { preview } = outcome;
    if (preview.errorCount || unclassified) {
      const errors = [...preview.errors];
      if (unclassified) errors.unshift({ line: 0, message: unclassifiedMessage(unclassified) });
      const refused = [preview.errorCount && `${preview.errorCount} invalid`, unclassified && `${unclassified} unclassified`].filter(Boolean).join(' and ');
      throw unprocessable(
        errors.map((e) => (e.line ? e : { path: 'rows', message: e.message })),
        `${refused} row${preview.errorCount + unclassified === 1 ? '' : 's'}; nothing was imported.`,
      );
    }
    if (batch.length || pieces.length) await flush();
    await writing;
    const inserted = delta.total();
    const result = { inserted, duplicates: preview.duplicates + (handed - inserted) };
    await hooks.write(async (m) => {
      await releaseRun(m, run); // from here on the rows are visible, with the rollups in step
      await delta.apply(db, m, ctx.planId);
      await updateUpload(m, upload.id, ['committing'], { status: 'committed', progress: preview.rows, result: JSON.stringify({ result }) });
      await deleteUploadChunks(m, upload.id);
      await hooks.log(m, { rows: preview.rows, skipped: preview.skipped, ...result, origin });
    });
    return result;
  } catch (error) {
    await writing.catch(() => undefined); // let the chunk in flight finish before discarding
    await discardRun(db, clock, run).catch((cleanup: unknown) =>
      deps.logger.warn({ err: cleanup, importId: run.id }, 'discarding a refused import failed; it is cleaned up later'),
    );
    const problem = error instanceof AppError ? error.toProblem() : { type: 'about:blank', title: 'Internal error', status: 500 };
    await db
      .write((m) => updateUpload(m, upload.id, ['committing'], { status: 'open', runId: null, result: JSON.stringify({ error: problem }) }))
      .catch(() => undefined);
    throw error;
  }
}
