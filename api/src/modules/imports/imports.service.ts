import type { Readable } from 'node:stream';
import {
  ImportMappingSchema,
  can,
  type ImportCommitResult,
  type ImportMappingRequest,
  type ImportPreview,
  type ImportStatus,
  type ImportUpload,
  type Problem,
} from '@handover/shared';
import { conflict, forbidden, notFound, payloadTooLarge, unprocessable } from '../../core/app-error';
import type { PlanCtx } from '../../core/context';
import { newId } from '../../core/ids';
import { findImportRun } from '../../db/repositories/import-runs.repository';
import {
  deleteImportPosts,
  deleteUpload,
  expiredUploadIds,
  findUpload,
  importPostCounts,
  insertUpload,
  openUploadBytes,
  updateUpload,
  type StoredUpload,
} from '../../db/repositories/import-uploads.repository';
import { rosterRules } from '../../db/repositories/roster.repository';
import { Roster } from '../ingest/classify';
import { peekRecords, previewRecords } from '../ingest/pipeline';
import { HEADER_SEARCH_ROWS, detectPreset, mappingFromRequest } from '../ingest/presets';
import { importInProgress } from '../posts/import-run';
import { tooLarge } from '../posts/post-import';
import { RollupDelta } from '../posts/rollups';
import { ResourceService } from '../service';
import { importCompleted } from '../outbox/events';
import { commitUpload, uploadMapping } from './import-commit';
import type { SheetRecord } from '../ingest/xlsx';
import { asProblem, openRecords, receive, sheetsOf, type UploadFormat } from './upload-store';

/** An upload not committed within this long is discarded (docs/domain.md#mapped-imports). */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const SAMPLE_ROWS = 5;

type Summary = Pick<ImportUpload, 'sheets' | 'columns' | 'sampleRows' | 'suggestedPreset'>;

const cleanHeader = (cells: readonly string[]) => cells.map((c) => c.replace(/^\uFEFF/, '').trim());

/**
 * Mapped imports in two steps (docs/domain.md#mapped-imports): an upload kept in the database and
 * described (columns, samples, the preset its header matches), a mapping that answers with a
 * preview of every row, and a commit through the plain import's machinery.
 */
export class ImportsService extends ResourceService {
  /** A commit still running after this long answers 202; `GET` then shows its progress and result. */
  commitWaitMs = 30_000;

  async upload(ctx: PlanCtx, body: Readable, format: UploadFormat, declaredBytes?: number): Promise<ImportUpload> {
    const { db, clock } = this.deps;
    const maxBytes = this.deps.config.importMaxBytes;
    const now = clock.now();
    const held = await db.read((m) => openUploadBytes(db, m, ctx.planId, now.toISOString()));
    if (declaredBytes !== undefined && held + declaredBytes > maxBytes) throw overCap(maxBytes, held);
    const upload: StoredUpload = {
      id: newId(),
      planId: ctx.planId,
      userId: ctx.user.id,
      format,
      bytes: 0,
      status: 'receiving',
      mapping: null,
      headerRow: 1,
      summary: '{}',
      sheet: null,
      progress: 0,
      result: null,
      runId: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS).toISOString(),
    };
    await db.write((m) => insertUpload(m, upload));
    try {
      upload.bytes = await receive(db, upload.id, body, maxBytes - held, () => overCap(maxBytes, held));
      const described = await this.describe(upload);
      return await this.write(ctx, async (m) => {
        // Other uploads of the plan may have arrived meanwhile: the plan's open uploads stay within the cap.
        const total = await openUploadBytes(db, m, ctx.planId, now.toISOString());
        if (total > maxBytes) throw overCap(maxBytes, total - upload.bytes);
        await updateUpload(m, upload.id, ['receiving'], {
          status: 'open',
          bytes: upload.bytes,
          headerRow: described.headerRow,
          summary: JSON.stringify(described.summary),
          sheet: described.sheet,
          mapping: described.mapping ? JSON.stringify({ mapping: described.mapping, headerRow: described.headerRow, sheet: described.sheet }) : null,
        });
        await this.activity.log(m, ctx, 'upload', 'import', upload.id, { format, bytes: upload.bytes, suggestedPreset: described.summary.suggestedPreset ?? null });
        return { id: upload.id, format, headerRow: described.headerRow, ...described.summary, ...(described.mapping ? { mapping: described.mapping } : {}) };
      });
    } catch (error) {
      await db.write((m) => deleteUpload(m, upload.id)).catch(() => undefined);
      throw asProblem(error);
    }
  }

  /**
   * The first rows of the file: where its header is, the preset it matches, and the mapping that
   * preset gives when complete. In a workbook, the first sheet whose rows match a preset (LinkedIn
   * puts its posts on the second), else the first sheet.
   */
  private async describe(upload: StoredUpload) {
    const { db } = this.deps;
    const sheets = upload.format === 'xlsx' ? await sheetsOf(db, upload.id) : undefined;
    let found: { sheet: string | null; head: SheetRecord[]; detected: ReturnType<typeof detectPreset> } | null = null;
    for (const sheet of sheets ?? [null]) {
      const { head } = await peekRecords(await openRecords(db, upload.id, upload.format, sheet), HEADER_SEARCH_ROWS + SAMPLE_ROWS);
      const detected = detectPreset(head.map((r) => r.fields));
      if (!found || detected) found = { sheet, head, detected };
      if (detected) break;
    }
    const { sheet, head, detected } = found!;
    if (!head.length) throw unprocessable([{ line: 1, message: 'the file is empty' }], 'The file is empty; nothing was kept.');
    const headerRow = detected?.headerRow ?? 1;
    const columns = cleanHeader(head[headerRow - 1]?.fields ?? []);
    const summary: Summary = {
      ...(sheets ? { sheets } : {}),
      columns,
      sampleRows: head.slice(headerRow, headerRow + SAMPLE_ROWS).map((r) => r.fields),
      ...(detected ? { suggestedPreset: detected.preset.name } : {}),
    };
    const fromPreset = detected ? mappingFromRequest({ preset: detected.preset.name }, columns) : null;
    const parsed = fromPreset && 'mapping' in fromPreset ? ImportMappingSchema.safeParse(fromPreset.mapping) : null;
    return { headerRow, sheet: sheets && sheet !== sheets[0] ? sheet : null, summary, mapping: parsed?.success ? parsed.data : undefined };
  }

  private async find(ctx: PlanCtx, id: string): Promise<StoredUpload> {
    const upload = await this.deps.db.read((m) => findUpload(m, ctx.planId, id));
    if (!upload || upload.status === 'receiving') throw notFound('import');
    if (upload.status !== 'committed' && upload.status !== 'committing' && upload.expiresAt <= this.deps.clock.now().toISOString()) throw notFound('import');
    return upload;
  }

  /** A commit whose process went away (its run is gone) counts as open again. */
  private async live(upload: StoredUpload): Promise<StoredUpload> {
    if (upload.status !== 'committing') return upload;
    const run = await this.deps.db.read((m) => findImportRun(m, upload.planId));
    return run && run.id === upload.runId ? upload : { ...upload, status: 'open' };
  }

  async get(ctx: PlanCtx, id: string): Promise<ImportStatus> {
    const upload = await this.live(await this.find(ctx, id));
    const summary = JSON.parse(upload.summary) as Summary;
    const saved = uploadMapping(upload);
    const outcome = upload.result ? (JSON.parse(upload.result) as { result?: ImportCommitResult; error?: Problem }) : {};
    return {
      id: upload.id,
      format: upload.format,
      headerRow: saved?.headerRow ?? upload.headerRow,
      ...summary,
      ...(saved ? { mapping: saved.mapping } : {}),
      status: upload.status as ImportStatus['status'],
      progress: { rows: upload.progress },
      ...(outcome.result && upload.status === 'committed' ? { result: outcome.result } : {}),
      ...(outcome.error && upload.status === 'open' ? { error: outcome.error } : {}),
      expiresAt: upload.expiresAt,
    };
  }

  /** Applies a mapping to every row and answers the preview; the mapping is kept for the commit. */
  async setMapping(ctx: PlanCtx, id: string, request: ImportMappingRequest): Promise<ImportPreview> {
    const { db } = this.deps;
    const upload = await this.live(await this.find(ctx, id));
    if (upload.status !== 'open') throw notOpen(upload);
    if (request.sheet !== undefined && upload.format !== 'xlsx') throw unprocessable([{ path: 'sheet', message: 'only a workbook has sheets' }]);
    const sheet = request.sheet ?? upload.sheet;
    const headerRow = request.headerRow ?? (sheet === upload.sheet ? upload.headerRow : 1);
    try {
      const { head, all } = await peekRecords(await openRecords(db, upload.id, upload.format, sheet), headerRow);
      const header = head[headerRow - 1]?.fields;
      if (!header) throw unprocessable([{ path: 'headerRow', message: `the file has no row ${headerRow}` }]);
      const resolved = mappingFromRequest(request, header);
      if ('error' in resolved) throw unprocessable([{ path: request.preset ? 'preset' : 'columns', message: resolved.error }]);
      const parsed = ImportMappingSchema.safeParse(resolved.mapping);
      if (!parsed.success) throw unprocessable(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const roster = new Roster(await db.read((m) => rosterRules(m, ctx.planId)));
      const outcome = await previewRecords(all, { mapping: parsed.data, headerRow, roster });
      if ('error' in outcome) throw unprocessable([{ path: 'columns', message: outcome.error }]);
      await this.write(ctx, async (m) => {
        if (!(await updateUpload(m, upload.id, ['open', 'committing'], { mapping: JSON.stringify({ mapping: parsed.data, headerRow, sheet }) }))) throw notOpen(upload);
        const { valid, errorCount, duplicates, bySide } = outcome.preview;
        await this.activity.log(m, ctx, 'map', 'import', upload.id, { preset: request.preset ?? null, valid, errorCount, duplicates, unclassified: bySide.unclassified });
      });
      return outcome.preview;
    } catch (error) {
      throw asProblem(error);
    }
  }

  /**
   * Commits, answering within `commitWaitMs` (counted once the lock is held); after that the work
   * goes on and `{accepted}` is the upload as `GET` shows it, `committing`.
   */
  async commit(ctx: PlanCtx, id: string): Promise<{ done: ImportCommitResult } | { accepted: ImportStatus }> {
    const upload = await this.live(await this.find(ctx, id));
    if (upload.status !== 'open') throw notOpen(upload);
    let claimed!: () => void;
    const started = new Promise<void>((resolve) => (claimed = resolve));
    const work = commitUpload(this.deps, ctx, upload, {
      write: (fn) => this.write(ctx, fn),
      log: async (m, changes) => {
        await this.activity.log(m, ctx, 'import', 'import', upload.id, changes);
        const { inserted, duplicates } = changes as { inserted: number; duplicates: number };
        await importCompleted(m, ctx, { id: upload.id, inserted, duplicates, valid: inserted }, this.deps.clock.now());
      },
      agencyOnly: !can(ctx.role, 'recordAnySource'),
      onClaimed: claimed,
    });
    work.catch(() => undefined); // when it outlives the request, GET shows the failure
    const first = await Promise.race([work, started.then(() => null)]);
    if (first) return { done: first };
    if (this.commitWaitMs === Number.POSITIVE_INFINITY) return { done: await work }; // the CLI waits for the end
    if (this.commitWaitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.commitWaitMs)));
      try {
        const done = await Promise.race([work, waited]);
        if (done) return { done };
      } finally {
        clearTimeout(timer);
      }
    }
    return { accepted: await this.get(ctx, id) };
  }

  /** Discards an upload; for a committed import also removes the posts it brought, with the rollups. */
  async discard(ctx: PlanCtx, id: string): Promise<void> {
    const { db } = this.deps;
    const upload = await this.live(await this.find(ctx, id));
    if (upload.status === 'committing') throw importInProgress();
    await this.write(ctx, async (m) => {
      let removed = 0;
      if (upload.status === 'committed' && upload.runId) {
        const delta = new RollupDelta();
        const counts = await importPostCounts(db, m, ctx.planId, upload.runId);
        // Agency staff may undo only what they could have imported: posts on the agency side.
        if (!can(ctx.role, 'recordAnySource') && counts.some(([, , source]) => source !== 'agency')) {
          throw forbidden('Agency staff may undo only imports whose posts are all on the agency side.');
        }
        for (const [day, channel, source, n] of counts) delta.add(day, channel, source, -n);
        removed = await deleteImportPosts(m, ctx.planId, upload.runId);
        await delta.apply(db, m, ctx.planId);
      }
      if (!(await deleteUpload(m, upload.id))) throw notFound('import');
      await this.activity.log(m, ctx, 'delete', 'import', upload.id, { status: upload.status, postsRemoved: removed });
    });
  }

  /** Deletes uploads past their 24 hours that never committed (housekeeping); returns how many. */
  async purgeExpired(): Promise<number> {
    const { db } = this.deps;
    const ids = await db.read((m) => expiredUploadIds(m, this.deps.clock.now().toISOString()));
    for (const id of ids) await db.write((m) => deleteUpload(m, id));
    return ids.length;
  }
}

/** 413: the file, with the plan's other open uploads, is over IMPORT_MAX_MB. */
const overCap = (maxBytes: number, held: number) =>
  held > 0
    ? payloadTooLarge(
        `A plan's open uploads together are limited to ${Math.round(maxBytes / (1024 * 1024))} MB (IMPORT_MAX_MB) and already hold ${Math.ceil(held / (1024 * 1024))} MB; discard those not needed (DELETE .../imports/:id).`,
      )
    : tooLarge(maxBytes);

const notOpen = (upload: StoredUpload) =>
  upload.status === 'committing' ? importInProgress() : conflict('The import is already committed; DELETE it to undo it.');
