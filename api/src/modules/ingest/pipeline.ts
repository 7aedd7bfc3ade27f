import type { ImportMapping, ImportPreview } from '@handover/shared';
import { readCsv } from '../posts/csv-reader';
import type { Roster } from './classify';
import { decodeChunks, sniffDelimiter, type Delimiter, type TextEncoding } from './decode';
import { asCommaSeparated } from './delimited';
import { Preview, compileMapping, mapRow, type PreviewedRow } from './mapping';
import type { SheetRecord } from './xlsx';

// The steps of a mapped import joined up, as streams of record batches: CSV bytes (or the XLSX
// reader's rows) → detection on the first rows → mapping → classification → preview, with each
// row to store handed to a callback. Memory stays bounded by a batch, whatever the file's size.

export type RecordBatches = AsyncIterable<SheetRecord[]>;

/** Decoded text read before choosing the delimiter. */
const SNIFF_CHARS = 8192;

async function* replay<T>(first: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * CSV bytes as records: the encoding is decided from the bytes (`encoding()` says which once
 * known; a file ASCII to the end reads as UTF-8), the delimiter from the first lines.
 */
export async function openCsv(bytes: AsyncIterable<Buffer | Uint8Array>): Promise<{ delimiter: Delimiter; encoding: () => TextEncoding | null; records: RecordBatches }> {
  let encoding: TextEncoding | null = null;
  const text = decodeChunks(bytes, (e) => (encoding = e))[Symbol.asyncIterator]();
  const head: string[] = [];
  let length = 0;
  while (length < SNIFF_CHARS) {
    const next = await text.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
  }
  const delimiter = sniffDelimiter(head.join('').slice(0, SNIFF_CHARS));
  return { delimiter, encoding: () => encoding, records: readCsv(asCommaSeparated(replay(head, text), delimiter)) };
}

/** The first `count` records (for detection and samples), and every record again from the start. */
export async function peekRecords(records: RecordBatches, count: number): Promise<{ head: SheetRecord[]; all: RecordBatches }> {
  const it = records[Symbol.asyncIterator]();
  const batches: SheetRecord[][] = [];
  let seen = 0;
  while (seen < count) {
    const next = await it.next();
    if (next.done) break;
    batches.push(next.value);
    seen += next.value.length;
  }
  return { head: batches.flat().slice(0, count), all: replay(batches, it) };
}

export type PreviewOptions = {
  mapping: ImportMapping;
  /** 1-based record number of the header row; records above it are not data. */
  headerRow: number;
  roster: Roster;
  /** Each row to store, in file order (for the commit); awaited, so it may write. */
  onRow?: (row: PreviewedRow) => void | Promise<void>;
};

/** Maps and classifies every data row, returning the preview, or why the mapping does not fit the file. */
export async function previewRecords(records: RecordBatches, options: PreviewOptions): Promise<{ preview: ImportPreview } | { error: string }> {
  const preview = new Preview(options.roster, options.mapping.defaultSide);
  let index = 0;
  let compiled: ReturnType<typeof compileMapping> | null = null;
  for await (const batch of records) {
    for (const record of batch) {
      index++;
      if (index < options.headerRow) continue;
      if (index === options.headerRow) {
        compiled = compileMapping(options.mapping, record.fields);
        if ('error' in compiled) return { error: compiled.error };
        continue;
      }
      if (!compiled || 'error' in compiled) continue;
      const row = preview.add(record.line, mapRow(compiled.compiled, record.fields));
      if (row && options.onRow) await options.onRow(row);
    }
  }
  if (!compiled) return { error: index ? `the file has no row ${options.headerRow} to read as its header` : 'the file is empty' };
  return { preview: preview.result() };
}
