import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { INSTANT_MESSAGE, POSTS_CSV_HEADER, PostSourceSchema, normalizeInstant } from '@handover/shared';
import { AppError, MAX_LISTED_ERRORS, forbidden, payloadTooLarge, unprocessable, type FieldError } from '../../core/app-error';
import type { Dialect } from '../../db/data-source';
import type { PostRow } from '../../db/repositories/post-import.repository';
import { CsvSyntaxError, readCsv } from './csv-reader';

/** Row errors listed in a 422, as for any 422; beyond this the count is still reported in `detail`. */
export const MAX_REPORTED_ERRORS = MAX_LISTED_ERRORS;
const SOURCES = new Set<string>(PostSourceSchema.options);
const NUL_MESSAGE = 'must not contain the NUL character';

export type { PostRow };

/**
 * The rules of CreatePostSchema, written out for speed: a million rows go through here.
 * Returns the normalised row or the messages that refuse it.
 */
export function validateRow(fields: string[], columns: number[]): PostRow | string[] {
  const get = (i: number) => fields[columns[i]!] ?? '';
  // No cell holds a NUL character (PostgreSQL cannot store one in text); refused like the API refuses it.
  for (const field of fields) if (field.includes('\u0000')) return [NUL_MESSAGE];
  const problems: string[] = [];
  const channel = get(0).trim().toLowerCase();
  if (!channel) problems.push('channel: must not be empty');
  else if (channel.length > 50) problems.push('channel: must be at most 50 characters');
  const publishedAt = normalizeInstant(get(1).trim());
  if (!publishedAt) problems.push(`published_at: ${INSTANT_MESSAGE}`);
  const source = get(2).trim();
  if (!SOURCES.has(source)) problems.push('source: must be one of agency, in_house, co_authored');
  const externalId = get(3).trim();
  if (externalId.length > 200) problems.push('external_id: must be at most 200 characters');
  const author = get(4).trim();
  if (author.length > 200) problems.push('author: must be at most 200 characters');
  if (problems.length) return problems;
  return { channel, publishedAt: publishedAt!, source, externalId: externalId || null, author: author || null };
}

/**
 * Write the request body to a temp file, so the database is never waited on while the client
 * uploads. More than `maxBytes` → 413 (docs/domain.md#imports).
 */
export async function spool(body: Readable, maxBytes: number): Promise<{ file: string; bytes: number; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handover-import-'));
  const file = path.join(dir, 'upload.csv');
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          if (bytes > maxBytes) throw tooLarge(maxBytes);
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
  } catch (error) {
    cleanup();
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'bad-request', 'Bad request', 'The upload was interrupted.');
  }
  return { file, bytes, cleanup };
}

export const tooLarge = (maxBytes: number) =>
  payloadTooLarge(`Imports are limited to ${Math.round(maxBytes / (1024 * 1024))} MB (IMPORT_MAX_MB); nothing was imported.`);

function headerColumns(record: string[]): number[] | FieldError {
  const names = record.map((h) => h.trim().toLowerCase());
  const columns = POSTS_CSV_HEADER.map((name) => names.indexOf(name));
  const unknown = names.filter((n) => !(POSTS_CSV_HEADER as readonly string[]).includes(n));
  if (columns.some((c) => c < 0) || unknown.length || names.length !== POSTS_CSV_HEADER.length) {
    return { line: 1, message: `the header must be ${POSTS_CSV_HEADER.join(',')} (got ${names.join(',') || 'nothing'})` };
  }
  return columns;
}

export type ParsedImport = {
  /** Rows after the header. */
  rows: number;
  /** Rows that passed validation (all of them, or the import was refused). */
  valid: number;
};

export type ImportSink<P> = {
  /**
   * Prepares up to PIECE_ROWS valid rows the moment they are validated (on PostgreSQL, their COPY
   * text), so the row objects die young however large a chunk is; called in file order.
   */
  encode(rows: PostRow[]): P;
  /** Stores one chunk (its pieces); called one at a time, in file order. */
  write(pieces: P[]): Promise<void>;
  /** Called after each block of the file is parsed, so a long validation keeps its lock alive. */
  keepAlive(): Promise<void>;
};

/** Valid rows handed to the sink's `encode` at a time. */
export const PIECE_ROWS = 1000;

/**
 * Rows per chunk: each chunk is one short transaction (docs/domain.md#imports). On SQLite the one
 * lock is held per chunk, so chunks stay small; on PostgreSQL nobody waits on a chunk and each one
 * costs round trips and a COPY's start, so they are ten times larger (docs/performance.md#postgresql-import).
 */
export const CHUNK_ROWS: Readonly<Record<Dialect, number>> = { sqlite: PIECE_ROWS, postgres: 10 * PIECE_ROWS };

/**
 * Parse and validate in one pass, handing valid rows to the sink in chunks. Any bad row stops the
 * writes (the rest is still validated, to report every bad line) and ends in a 422; the caller
 * then discards what the sink stored: an import is all or nothing.
 */
export async function runImport<P>(
  sink: ImportSink<P>,
  options: { file: string; chunkRows: number; agencyOnly: boolean; onProgress?: (rows: number) => void },
): Promise<ParsedImport> {
  const errors: FieldError[] = [];
  let badRows = 0;
  let columns: number[] | null = null;
  let batch: PostRow[] = [];
  let pieces: P[] = [];
  let pieceRows = 0;
  let rows = 0;
  let valid = 0;
  const hand = () => {
    if (!batch.length) return;
    pieces.push(sink.encode(batch));
    pieceRows += batch.length;
    batch = [];
  };
  // One chunk is written while the next is parsed: the parsing overlaps the wait for the database
  // instead of taking turns with it.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    hand();
    if (!pieces.length) return;
    const chunk = pieces;
    pieces = [];
    pieceRows = 0;
    const previous = writing;
    writing = previous.then(() => sink.write(chunk));
    writing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    await previous;
  };
  try {
    // 64 KiB reads: each chunk's records are garbage before the next scavenge, so they are never
    // promoted to the old generation. With 256 KiB chunks the heap grew by ~120 MB over a
    // million-row import (and it ran slower).
    for await (const records of readCsv(fs.createReadStream(options.file, { highWaterMark: 64 * 1024 }))) {
      for (const record of records) {
        if (!columns) {
          const header = headerColumns(record.fields);
          if (!Array.isArray(header)) throw unprocessable([header], 'The CSV header is wrong; nothing was imported.');
          columns = header;
          continue;
        }
        rows++;
        const result =
          record.fields.length === POSTS_CSV_HEADER.length
            ? validateRow(record.fields, columns)
            : [`has ${record.fields.length} field${record.fields.length === 1 ? '' : 's'}; each row needs ${POSTS_CSV_HEADER.length} (${POSTS_CSV_HEADER.join(', ')})`];
        if (Array.isArray(result)) {
          badRows++;
          if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line: record.line, message: result.join('; ') });
          continue;
        }
        if (options.agencyOnly && result.source !== 'agency') {
          throw forbidden(`Line ${record.line}: agency staff may record only posts with source agency; nothing was imported.`);
        }
        valid++;
        if (badRows) continue; // already doomed: validate only, to report every bad line
        batch.push(result);
        if (batch.length < PIECE_ROWS) continue;
        hand();
        if (pieceRows >= options.chunkRows) await flush();
      }
      options.onProgress?.(rows);
      await sink.keepAlive();
    }
  } catch (error) {
    await writing.catch(() => undefined); // let the chunk in flight finish before the caller discards
    if (error instanceof CsvSyntaxError) {
      throw unprocessable([{ line: error.line, message: `not valid CSV: ${error.message}` }], 'The file is not valid CSV; nothing was imported.');
    }
    throw error;
  }
  await writing.catch(() => undefined);
  if (!columns) {
    throw unprocessable(
      [{ line: 1, message: `the file is empty; the first line must be the header ${POSTS_CSV_HEADER.join(',')}` }],
      'The file is empty; nothing was imported.',
    );
  }
  if (badRows) {
    throw unprocessable(
      errors,
      `${badRows === 1 ? '1 row is' : `${badRows} rows are`} invalid${badRows > errors.length ? ` (the first ${errors.length} are listed)` : ''}; nothing was imported.`,
    );
  }
  await flush();
  await writing;
  options.onProgress?.(rows);
  return { rows, valid };
}
