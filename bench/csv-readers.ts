/**
 * The hand-written CSV reader against csv-parse on the same file, read the way the import reads
 * it (64 KiB chunks from disk), counting rows. Ours is kept only while it is at least 1.5x faster.
 */
import { parse } from 'csv-parse';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readCsv } from '../api/src/modules/posts/csv-reader';
import { median } from './http';

/** The import's read size (api/src/modules/posts/post-import.ts). */
const CHUNK_BYTES = 64 * 1024;
export const KEEP_RATIO = 1.5;
/** The version the figures are for (its package.json is not exported, so read it from disk). */
export const CSV_PARSE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../node_modules/csv-parse/package.json'), 'utf8')) as { version: string }
).version;

export type CsvReadersResult = {
  rows: number;
  oursRowsPerSecond: number;
  csvParseRowsPerSecond: number;
  /** ours / csv-parse, medians of the repetitions. */
  ratio: number;
  keepOurs: boolean;
  runs: Array<{ oursRowsPerSecond: number; csvParseRowsPerSecond: number }>;
};

const chunks = (file: string) => fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });

async function countOurs(file: string): Promise<number> {
  let rows = 0;
  for await (const records of readCsv(chunks(file))) rows += records.length;
  return rows;
}

/** csv-parse at its fastest: its stream, counting 'data' events; options give our reader's rules. */
async function countCsvParse(file: string): Promise<number> {
  let rows = 0;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: 64 * 1024,
  });
  parser.on('data', () => {
    rows++;
  });
  await pipeline(chunks(file), parser);
  return rows;
}

async function rate(count: (file: string) => Promise<number>, file: string, expectedRows: number): Promise<number> {
  const started = process.hrtime.bigint();
  const rows = await count(file);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (rows !== expectedRows) throw new Error(`read ${rows} rows, expected ${expectedRows}`);
  return rows / seconds;
}

/** `rows` is the data rows; both readers also return the header, so they count rows + 1. */
export async function benchCsvReaders(file: string, rows: number, reps: number, log: (s: string) => void): Promise<CsvReadersResult> {
  const expected = rows + 1;
  await rate(countOurs, file, expected); // warm-up: JIT and the page cache, for both
  await rate(countCsvParse, file, expected);
  const runs: CsvReadersResult['runs'] = [];
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const first = rep % 2 === 0;
    const a = await rate(first ? countOurs : countCsvParse, file, expected);
    const b = await rate(first ? countCsvParse : countOurs, file, expected);
    const run = first ? { oursRowsPerSecond: a, csvParseRowsPerSecond: b } : { oursRowsPerSecond: b, csvParseRowsPerSecond: a };
    log(`[csv] ${rep + 1}/${reps}: ours ${Math.round(run.oursRowsPerSecond)} rows/s, csv-parse ${Math.round(run.csvParseRowsPerSecond)} rows/s`);
    runs.push(run);
  }
  const ours = median(runs.map((r) => r.oursRowsPerSecond));
  const csvParse = median(runs.map((r) => r.csvParseRowsPerSecond));
  const ratio = Math.round((ours / csvParse) * 100) / 100;
  return {
    rows,
    oursRowsPerSecond: Math.round(ours),
    csvParseRowsPerSecond: Math.round(csvParse),
    ratio,
    keepOurs: ratio >= KEEP_RATIO,
    runs: runs.map((r) => ({ oursRowsPerSecond: Math.round(r.oursRowsPerSecond), csvParseRowsPerSecond: Math.round(r.csvParseRowsPerSecond) })),
  };
}
