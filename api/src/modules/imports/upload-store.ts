import type { Readable } from 'node:stream';
import { AppError, unprocessable } from '../../core/app-error';
import type { Db } from '../../db/data-source';
import { insertChunks, readChunks } from '../../db/repositories/import-uploads.repository';
import { CsvSyntaxError } from '../posts/csv-reader';
import { tooLarge } from '../posts/post-import';
import { openCsv, type RecordBatches } from '../ingest/pipeline';
import { XlsxError, listXlsxSheets, readXlsxRows } from '../ingest/xlsx';

// An upload's bytes in the database, a piece per row, so any API process can read what another
// received (docs/domain.md#mapped-imports).

/**
 * Bytes per stored piece: 64 KiB, so each piece's text (base64, 88 KB) is an ordinary young-generation
 * string that dies young; a megabyte string would go straight to V8's large-object space and stay
 * until a full collection, and a million-row file's passes would pile hundreds of them up.
 */
export const PIECE_BYTES = 64 * 1024;
/** Pieces written per transaction, and read per query. */
const PIECES_PER_WRITE = 16;

/**
 * Stores the body as pieces of the upload, a megabyte per short write, refusing (413) once it
 * passes `maxBytes`; returns the size. The caller deletes the upload when this throws.
 */
export async function receive(db: Db, uploadId: string, body: Readable, maxBytes: number, refuse: () => AppError = () => tooLarge(maxBytes)): Promise<number> {
  let bytes = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const write = async (all: boolean) => {
    const joined = Buffer.concat(pending, pendingBytes);
    const pieces: Buffer[] = [];
    let at = 0;
    for (; at + PIECE_BYTES <= joined.length || (all && at < joined.length); at += PIECE_BYTES) pieces.push(joined.subarray(at, at + PIECE_BYTES));
    const rest = joined.subarray(Math.min(at, joined.length));
    pending = rest.length ? [Buffer.from(rest)] : [];
    pendingBytes = rest.length;
    const first = seq;
    seq += pieces.length;
    await db.write((m) => insertChunks(m, uploadId, first, pieces));
  };
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw refuse();
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= PIECE_BYTES * PIECES_PER_WRITE) await write(false);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'bad-request', 'Bad request', 'The upload was interrupted.');
  }
  if (pendingBytes) await write(true);
  return bytes;
}

/** The upload's bytes again, piece by piece (a few pieces in memory at once). */
export async function* storedBytes(db: Db, uploadId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += PIECES_PER_WRITE) {
    const pieces = await db.read((m) => readChunks(m, uploadId, seq, PIECES_PER_WRITE));
    yield* pieces;
    if (pieces.length < PIECES_PER_WRITE) return;
  }
}

async function wholeFile(db: Db, uploadId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of storedBytes(db, uploadId)) pieces.push(piece);
  return Buffer.concat(pieces);
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
