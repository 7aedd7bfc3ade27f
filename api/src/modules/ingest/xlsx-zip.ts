import { Readable } from 'node:stream';
import zlib from 'node:zlib';

// The checks made on an XLSX (a zip of XML parts) before the spreadsheet reader sees it. The
// central directory is read from the uploaded bytes; every part is inflated as a stream, counted
// and scanned for tags, and the work stops at the first cap passed. Nothing is parsed as XML here.

export type XlsxCaps = {
  /** All parts inflated, together. */
  maxDecompressedBytes: number;
  maxEntries: number;
  /** Rows of the sheet read (including rows above the header). */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxSharedStrings: number;
};

export const DEFAULT_XLSX_CAPS: XlsxCaps = {
  maxDecompressedBytes: 256 * 1024 * 1024,
  maxEntries: 1000,
  maxRows: 1_048_576,
  maxColumns: 1000,
  maxCellChars: 32_767,
  maxSharedStrings: 2_000_000,
};

export type XlsxProblem = 'not_xlsx' | 'damaged' | 'unsupported' | 'limit' | 'dtd' | 'no_sheet';

export class XlsxError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
  }
}

export type ZipEntry = {
  name: string;
  method: number;
  /** Byte range of the whole local record (header, data, data descriptor). */
  start: number;
  end: number;
  dataStart: number;
  compressedSize: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

const damaged = (why: string) => new XlsxError('damaged', `the workbook is damaged (${why})`);

/**
 * The entries of a zip from its central directory, checked to tile the file from its first byte to
 * the directory with no gap or overlap: a streaming reader then meets exactly these entries and
 * no hidden one.
 */
export function readZipEntries(file: Buffer, maxEntries: number): ZipEntry[] {
  const notXlsx = new XlsxError('not_xlsx', 'the file is not an XLSX workbook (an .xls or a password-protected workbook cannot be read; save it as .xlsx)');
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL) throw notXlsx;
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw notXlsx;
  const count = file.readUInt16LE(eocd + 10);
  const cdSize = file.readUInt32LE(eocd + 12);
  const cdOffset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new XlsxError('unsupported', 'the workbook uses zip64, which is not supported here');
  if (count > maxEntries) throw new XlsxError('limit', `the workbook has ${count} parts; at most ${maxEntries} are read`);
  if (cdOffset + cdSize > eocd) throw damaged('central directory out of place');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || file.readUInt32LE(p) !== CENTRAL) throw damaged('bad central directory');
    const flags = file.readUInt16LE(p + 8);
    const method = file.readUInt16LE(p + 10);
    const compressedSize = file.readUInt32LE(p + 20);
    const nameLength = file.readUInt16LE(p + 28);
    const extraLength = file.readUInt16LE(p + 30);
    const commentLength = file.readUInt16LE(p + 32);
    const start = file.readUInt32LE(p + 42);
    const name = file.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new XlsxError('unsupported', 'the workbook is encrypted');
    if (method !== 0 && method !== 8) throw new XlsxError('unsupported', `the workbook part ${name} uses an unsupported compression`);
    if (start + 30 > cdOffset || file.readUInt32LE(start) !== LOCAL) throw damaged(`bad entry header for ${name}`);
    const localName = file.toString('utf8', start + 30, start + 30 + file.readUInt16LE(start + 26));
    if (localName !== name) throw damaged(`entry names disagree for ${name}`);
    const dataStart = start + 30 + file.readUInt16LE(start + 26) + file.readUInt16LE(start + 28);
    let end = dataStart + compressedSize;
    if (flags & 8) end += end + 4 <= file.length && file.readUInt32LE(end) === DESCRIPTOR ? 16 : 12;
    if (end > cdOffset) throw damaged(`entry ${name} runs past the directory`);
    entries.push({ name, method, start, end, dataStart, compressedSize });
  }
  const tiles = [...entries].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const entry of tiles) {
    if (entry.start !== at) throw damaged('parts overlap or are hidden between the listed ones');
    at = entry.end;
  }
  if (at !== cdOffset) throw damaged('unlisted data before the directory');
  return entries;
}

/** The inflated bytes of one entry, as a stream of chunks. */
export async function* inflate(file: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 65_536) yield data.subarray(i, i + 65_536);
    return;
  }
  const inflater = Readable.from([data]).pipe(zlib.createInflateRaw());
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (error) {
    throw damaged(`part ${entry.name}: ${(error as Error).message}`);
  } finally {
    inflater.destroy();
  }
}

const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]); // space, tab, LF, CR, '>', '/'
const LONGEST_NAME = 12;

/**
 * Calls back with the name of each tag (`row`, `c`, `si`, `!DOCTYPE`, `/row`, ...) in a stream of
 * XML bytes, a tag split between chunks included. A scan, not a parse: a tag inside a comment is
 * seen too, which can only make a cap stricter.
 */
export class TagScanner {
  private carry: Buffer | null = null;

  constructor(private readonly onTag: (name: string) => void) {}

  feed(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let i = buf.indexOf(0x3c);
    while (i !== -1) {
      const limit = Math.min(buf.length, i + 1 + LONGEST_NAME);
      let j = i + 1;
      while (j < limit && !NAME_END.has(buf[j]!)) j++;
      if (j === buf.length) {
        this.carry = buf.subarray(i);
        return;
      }
      this.onTag(buf.toString('latin1', i + 1, j));
      i = buf.indexOf(0x3c, j);
    }
  }

  end(): void {
    if (this.carry) this.onTag(this.carry.toString('latin1', 1));
    this.carry = null;
  }
}
