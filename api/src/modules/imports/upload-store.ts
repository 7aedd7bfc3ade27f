import type { Readable } from 'node:stream';
import { AppError, unprocessable } from '../../core/app-error';
import type { Db } from '../../db/data-source';
import { insertChunk, readChunk } from '../../db/repositories/import-uploads.repository';
import { CsvSyntaxError } from '../posts/csv-reader';
import { tooLarge } from '../posts/post-import';
import { openCsv, type RecordBatches } from '../ingest/pipeline';
import { XlsxError, listXlsxSheets, readXlsxRows } from '../ingest/xlsx';

// An upload's bytes in the database, a piece per row, so any API process can read what another
// received (docs/domain.md#mapped-imports).

/** Bytes per stored piece: large enough that a 100 MB file is a hundred rows, small enough to hold in memory. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Stores the body as pieces of the upload, each its own short write, refusing (413) once it passes
 * `maxBytes`; returns the size. The caller deletes the upload when this throws.
 */
export async function receive(db: Db, uploadId: string, body: Readable, maxBytes: number, refuse: () => AppError = () => tooLarge(maxBytes)): Promise<number> {
  let bytes = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const piece = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const n = seq++;
    await db.write((m) => insertChunk(m, uploadId, n, piece));
  };
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw refuse();
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const all = Buffer.concat(pending, pendingBytes);
        pending = [all.subarray(CHUNK_BYTES)];
        pendingBytes = all.length - CHUNK_BYTES;
        const n = seq++;
        await db.write((m) => insertChunk(m, uploadId, n, all.subarray(0, CHUNK_BYTES)));
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'bad-request', 'Bad request', 'The upload was interrupted.');
  }
  if (pendingBytes) await flush();
  return bytes;
}

/**
 * Bytes handed on per step: as the plain import reads its file, 64 KiB at a time, so each step's
 * records are garbage before the next scavenge and never reach the old generation.
 */
const READ_BYTES = 64 * 1024;

/** The upload's bytes again, a stored piece at a time (one piece in memory at once), in 64 KiB steps. */
export async function* storedBytes(db: Db, uploadId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const piece = await db.read((m) => readChunk(m, uploadId, seq));
    if (!piece) return;
    for (let at = 0; at < piece.length; at += READ_BYTES) yield piece.subarray(at, at + READ_BYTES);
  }
}

async function wholeFile(db: Db, uploadId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let seq = 0; ; seq++) {
    const piece = await db.read((m) => readChunk(m, uploadId, seq));
    if (!piece) return Buffer.concat(pieces);
    pieces.push(piece);
  }
}

export type UploadFormat = 'csv' | 'xlsx';

/**
 * The records of a stored upload: CSV decoded and split on its sniffed delimiter, or one sheet of
 * a workbook (read whole: a workbook is a zip, its directory at the end; the size cap bounds it).
 */
export async function openRecords(db: Db, uploadId: string, format: UploadFormat, sheet?: string | null): Promise<RecordBatches> {
  if (format === 'csv') return (await openCsv(storedBytes(db, uploadId))).records;
  return readXlsxRows(await wholeFile(db, uploadId), { sheet: sheet ?? undefined });
}

export async function sheetsOf(db: Db, uploadId: string): Promise<string[]> {
  return listXlsxSheets(await wholeFile(db, uploadId));
}

/** A parsing failure as the 422 it is; anything else unchanged. */
export function asProblem(error: unknown): unknown {
  if (error instanceof CsvSyntaxError) {
    return unprocessable([{ line: error.line, message: `not valid CSV: ${error.message}` }], 'The file is not valid CSV; nothing was imported.');
  }
  if (error instanceof XlsxError) return unprocessable([{ message: error.message }], `The workbook cannot be read: ${error.message}.`);
  return error;
}
