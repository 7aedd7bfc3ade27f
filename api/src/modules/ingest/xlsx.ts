import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { DEFAULT_XLSX_CAPS, TagScanner, XlsxError, inflate, readZipEntries, type XlsxCaps, type ZipEntry } from './xlsx-zip';

export { DEFAULT_XLSX_CAPS, XlsxError, type XlsxCaps };

/** One row of a sheet as text cells, with its 1-based row number (the shape the CSV reader yields). */
export type SheetRecord = { fields: string[]; line: number };

export type XlsxSheet = { name: string; part: string };
export type XlsxWorkbook = { sheets: XlsxSheet[]; entries: Map<string, ZipEntry> };

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** The only worksheet part names the spreadsheet reader recognises. */
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
/** The workbook and its relationships are kept as text to list the sheets; they are small. */
const MAX_KEPT_PART = 1024 * 1024;

const limit = (message: string) => new XlsxError('limit', message);

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
  });
}

/** The attributes of each `<tag ...>` in a small XML text; names keep their prefix (`r:id`). */
function tagsOf(xml: string, tag: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = [];
  for (const m of xml.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
    found.push(attrs);
  }
  return found;
}

function sheetsOf(workbookXml: string, relsXml: string): XlsxSheet[] {
  const targets = new Map(tagsOf(relsXml, 'Relationship').map((r) => [r.Id ?? '', r.Target ?? '']));
  return tagsOf(workbookXml, 'sheet').map((attrs) => {
    const relId = Object.entries(attrs).find(([name]) => /^[\w.-]+:id$/.test(name))?.[1] ?? '';
    const target = targets.get(relId) ?? '';
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return { name: attrs.name ?? '', part };
  });
}

/**
 * Checks a workbook against the caps without reading it as a spreadsheet, and lists its sheets:
 * every part is inflated (all together at most `maxDecompressedBytes`), XML parts with a DTD are
 * refused (no DTD is ever processed), and tags are counted for shared strings and for each
 * sheet's rows and cells per row.
 */
export async function inspectXlsx(file: Buffer, caps: XlsxCaps = DEFAULT_XLSX_CAPS): Promise<XlsxWorkbook> {
  const entries = readZipEntries(file, caps.maxEntries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (!byName.has(WORKBOOK)) throw new XlsxError('not_xlsx', 'the file is a zip but not an XLSX workbook');
  let inflated = 0;
  const kept = new Map<string, string>();
  for (const entry of entries) {
    const isXml = /\.(xml|rels)$/i.test(entry.name);
    const isSheet = WORKSHEET_PART.test(entry.name);
    let rows = 0;
    let cells = 0;
    let strings = 0;
    const scanner = new TagScanner((name) => {
      const upper = name.toUpperCase();
      if (upper.startsWith('!DOCTYPE') || upper.startsWith('!ENTITY')) {
        throw new XlsxError('dtd', `the workbook part ${entry.name} declares a DTD, which is refused`);
      }
      if (isSheet && name === 'row') {
        if (++rows > caps.maxRows) throw limit(`a sheet has more than ${caps.maxRows} rows`);
        cells = 0;
      } else if (isSheet && name === 'c') {
        if (++cells > caps.maxColumns) throw limit(`row ${rows} of a sheet has more than ${caps.maxColumns} cells`);
      } else if (entry.name === SHARED_STRINGS && name === 'si') {
        if (++strings > caps.maxSharedStrings) throw limit(`the workbook has more than ${caps.maxSharedStrings} shared strings`);
      }
    });
    const keep = entry.name === WORKBOOK || entry.name === WORKBOOK_RELS;
    const pieces: Buffer[] = [];
    let keptBytes = 0;
    for await (const chunk of inflate(file, entry)) {
      inflated += chunk.length;
      if (inflated > caps.maxDecompressedBytes) throw limit(`the workbook inflates to more than ${Math.round(caps.maxDecompressedBytes / 1024 / 1024)} MB`);
      if (isXml) scanner.feed(chunk);
      if (keep) {
        keptBytes += chunk.length;
        if (keptBytes > MAX_KEPT_PART) throw limit(`${entry.name} is larger than ${MAX_KEPT_PART / 1024} KB`);
        pieces.push(chunk);
      }
    }
    if (isXml) scanner.end();
    if (keep) kept.set(entry.name, Buffer.concat(pieces).toString('utf8'));
  }
  const sheets = sheetsOf(kept.get(WORKBOOK) ?? '', kept.get(WORKBOOK_RELS) ?? '');
  return { sheets, entries: byName };
}

export async function listXlsxSheets(file: Buffer, caps?: XlsxCaps): Promise<string[]> {
  return (await inspectXlsx(file, caps)).sheets.map((s) => s.name);
}

/**
 * A date cell as the text of its calendar fields. The spreadsheet stores a date as a day count
 * with no time zone, and the reader turns it into a JS Date by treating that count as UTC, so the
 * Date's UTC fields are exactly the date and time shown in the cell. They are written as
 * `YYYY-MM-DD` (midnight, in a format without hours) or `YYYY-MM-DD HH:mm:ss`, which the date step
 * accepts whatever format the mapping names, and then reads in the mapping's time zone like any
 * other cell: a date-only cell keeps its calendar date, never shifted by a zone.
 */
export function spreadsheetDateText(value: Date, numFmt?: string): string {
  const ms = value.getTime();
  if (Number.isNaN(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  const formatShowsTime = numFmt !== undefined && /[hs]/i.test(numFmt.replace(/\[[^\]]*]|"[^"]*"/g, ''));
  return time === '00:00:00' && !formatShowsTime ? date : `${date} ${time}`;
}

function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return spreadsheetDateText(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue, numFmt);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

const BATCH = 500;

/**
 * A stored (uncompressed) zip entry. The reader streams a sheet only once it has the shared
 * strings; a workbook without that part would have its sheet spooled to a temporary file, so an
 * empty one is handed over instead.
 */
function storedEntry(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const nameBytes = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(zlib.crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/**
 * The rows of one sheet (the first when none is named) as text cells, after `inspectXlsx` has
 * passed the workbook. Only the parts needed are handed to the streaming reader, in the order it
 * reads best (relationships, workbook, styles, shared strings, then the sheet), so no sheet is
 * spooled to disk and other sheets are not inflated again. Rows come in batches.
 */
export async function* readXlsxRows(file: Buffer, options: { sheet?: string; caps?: XlsxCaps } = {}): AsyncGenerator<SheetRecord[]> {
  const caps = options.caps ?? DEFAULT_XLSX_CAPS;
  const book = await inspectXlsx(file, caps);
  const sheet = options.sheet === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === options.sheet);
  if (!sheet) {
    const names = book.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
    throw new XlsxError('no_sheet', options.sheet === undefined ? 'the workbook has no sheet' : `the workbook has no sheet "${options.sheet}" (its sheets: ${names})`);
  }
  const part = book.entries.get(sheet.part);
  if (!part || !WORKSHEET_PART.test(sheet.part)) throw new XlsxError('unsupported', `the sheet "${sheet.name}" is stored in a way this reader does not support`);
  const slice = (e: ZipEntry) => file.subarray(e.start, e.end);
  const before = [WORKBOOK_RELS, WORKBOOK, STYLES].map((n) => book.entries.get(n)).filter((e): e is ZipEntry => !!e).map(slice);
  const sharedStrings = book.entries.get(SHARED_STRINGS);
  const strings = sharedStrings ? slice(sharedStrings) : storedEntry(SHARED_STRINGS, '<sst/>');
  // The directory goes last, unchanged: the streaming reader ends cleanly on it and ignores its offsets.
  const directory = file.subarray(Math.max(...[...book.entries.values()].map((e) => e.end)));
  const input = Readable.from([...before, strings, slice(part), directory]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let rows = 0;
  let batch: SheetRecord[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (++rows > caps.maxRows) throw limit(`the sheet has more than ${caps.maxRows} rows`);
        const fields: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > caps.maxColumns) throw limit(`row ${row.number} has more than ${caps.maxColumns} columns`);
          const text = cellText(cell.value, cell.numFmt);
          if (text.length > caps.maxCellChars) throw limit(`cell ${cell.address} is longer than ${caps.maxCellChars} characters`);
          while (fields.length < col - 1) fields.push('');
          fields[col - 1] = text;
        });
        batch.push({ fields, line: row.number });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError('damaged', `the workbook could not be read (${(error as Error).message})`);
  }
  if (batch.length) yield batch;
}
