import { DEFAULT_XLSX_CAPS, XlsxError, listXlsxSheets, readXlsxRows, spreadsheetDateText, type SheetRecord, type XlsxCaps } from '../../../api/src/modules/ingest/xlsx';
import { excelWorkbook, makeZip, minimalWorkbook, sheetXml } from './zip-builder';

async function readAll(file: Buffer, options: { sheet?: string; caps?: XlsxCaps } = {}): Promise<SheetRecord[]> {
  const out: SheetRecord[] = [];
  for await (const batch of readXlsxRows(file, options)) out.push(...batch);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<{ problem: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof XlsxError) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

const caps = (over: Partial<XlsxCaps>): XlsxCaps => ({ ...DEFAULT_XLSX_CAPS, ...over });

describe('readXlsxRows', () => {
  it('When a workbook has several sheets, then they are listed in order and the chosen one is read as text', async () => {
    const file = await excelWorkbook((wb) => {
      const notes = wb.addWorksheet('Notes');
      notes.addRow(['ignore me']);
      const posts = wb.addWorksheet('All posts');
      posts.addRow(['A description row above the header']);
      posts.addRow(['Post title', 'Post link', 'Likes', 'Sponsored']);
      posts.addRow(['Hello, Café', 'https://www.linkedin.com/feed/update/urn:li:activity:1', 12, false]);
      posts.addRow([{ richText: [{ text: 'Rich ' }, { text: 'text' }] }, { text: 'link', hyperlink: 'https://example.com' }, { formula: '1+1', result: 2 }, null]);
    });
    expect(await listXlsxSheets(file)).toEqual(['Notes', 'All posts']);
    expect(await readAll(file, { sheet: 'All posts' })).toEqual([
      { line: 1, fields: ['A description row above the header'] },
      { line: 2, fields: ['Post title', 'Post link', 'Likes', 'Sponsored'] },
      { line: 3, fields: ['Hello, Café', 'https://www.linkedin.com/feed/update/urn:li:activity:1', '12', 'FALSE'] },
      { line: 4, fields: ['Rich text', 'link', '2'] },
    ]);
    expect(await readAll(file)).toEqual([{ line: 1, fields: ['ignore me'] }]);
  });

  it('When a sheet name does not exist, then the refusal lists the sheets there are', async () => {
    const file = await excelWorkbook((wb) => wb.addWorksheet('All posts').addRow(['x']));
    expect(await refusal(readAll(file, { sheet: 'Posts' }))).toEqual({ problem: 'no_sheet', message: 'the workbook has no sheet "Posts" (its sheets: "All posts")' });
  });

  it('When cells hold dates, then they come back as their calendar fields, date-only without a time', async () => {
    const file = await excelWorkbook((wb) => {
      const ws = wb.addWorksheet('Dates');
      ws.addRow([new Date(Date.UTC(2026, 2, 31)), new Date(Date.UTC(2026, 2, 31, 14, 5, 9)), new Date(Date.UTC(2026, 9, 25, 0, 0, 0))]);
      ws.getCell('A1').numFmt = 'mm/dd/yyyy';
      ws.getCell('B1').numFmt = 'mm/dd/yyyy hh:mm:ss';
      ws.getCell('C1').numFmt = 'yyyy-mm-dd hh:mm';
    });
    expect(await readAll(file)).toEqual([{ line: 1, fields: ['2026-03-31', '2026-03-31 14:05:09', '2026-10-25 00:00:00'] }]);
    expect(spreadsheetDateText(new Date(Date.UTC(2026, 2, 31, 23, 59, 59, 700)))).toBe('2026-04-01');
    expect(spreadsheetDateText(new Date(Number.NaN))).toBe('');
  });

  it('When a row is blank or has gaps, then it is absent or padded, and row numbers are the sheet rows', async () => {
    const file = minimalWorkbook(
      '<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="D2" t="inlineStr"><is><t>d</t></is></c></row></sheetData></worksheet>',
    );
    expect(await readAll(file)).toEqual([{ line: 2, fields: ['', 'b', '', 'd'] }]);
  });

  describe('caps', () => {
    const rows = Array.from({ length: 5 }, (_, r) => ['a', 'b', 'c'].map((c) => `${c}${r}`));

    it('When a cap is passed, then the workbook is refused with a plain message', async () => {
      const file = minimalWorkbook(sheetXml(rows));
      expect(await refusal(readAll(file, { caps: caps({ maxRows: 4 }) }))).toEqual({ problem: 'limit', message: 'a sheet has more than 4 rows' });
      expect(await refusal(readAll(file, { caps: caps({ maxColumns: 2 }) }))).toEqual({ problem: 'limit', message: 'row 1 of a sheet has more than 2 cells' });
      expect(await refusal(readAll(file, { caps: caps({ maxCellChars: 1 }) }))).toEqual({ problem: 'limit', message: 'cell A1 is longer than 1 characters' });
      expect(await refusal(readAll(file, { caps: caps({ maxEntries: 2 }) }))).toEqual({ problem: 'limit', message: 'the workbook has 3 parts; at most 2 are read' });
      expect((await refusal(readAll(file, { caps: caps({ maxDecompressedBytes: 200 }) }))).problem).toBe('limit');
      expect(await readAll(file, { caps: caps({ maxRows: 5, maxColumns: 3, maxCellChars: 2 }) })).toHaveLength(5);
    });

    it('When a small file inflates past the cap (a zip bomb), then inflating stops there', async () => {
      const bomb = minimalWorkbook(sheetXml([['x']]), [['xl/media/padding.bin', 'A'.repeat(5_000_000)]]);
      expect(bomb.length).toBeLessThan(20_000);
      expect(await refusal(readAll(bomb, { caps: caps({ maxDecompressedBytes: 1_000_000 }) }))).toEqual({ problem: 'limit', message: 'the workbook inflates to more than 1 MB' });
    });

    it('When there are too many shared strings, then the workbook is refused before they are cached', async () => {
      const sst = `<sst>${'<si><t>s</t></si>'.repeat(11)}</sst>`;
      const file = minimalWorkbook(sheetXml([['x']]), [['xl/sharedStrings.xml', sst]]);
      expect(await refusal(readAll(file, { caps: caps({ maxSharedStrings: 10 }) }))).toEqual({ problem: 'limit', message: 'the workbook has more than 10 shared strings' });
    });
  });

  describe('refusals', () => {
    it('When any XML part declares a DTD, then the workbook is refused without processing it', async () => {
      const dtd = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>';
      expect(await refusal(readAll(minimalWorkbook(sheetXml([['x']]), [['xl/sharedStrings.xml', dtd]])))).toEqual({
        problem: 'dtd',
        message: 'the workbook part xl/sharedStrings.xml declares a DTD, which is refused',
      });
      const lowerCase = minimalWorkbook(`<?xml version="1.0"?><!doctype x>${sheetXml([['x']]).slice(21)}`);
      expect((await refusal(readAll(lowerCase))).problem).toBe('dtd');
    });

    it('When a DTD tag is split between inflated chunks, then it is still found', async () => {
      const padding = 'p'.repeat(16_384 - 40);
      const part = `<?xml version="1.0"?><worksheet><!--${padding}--><!DOCTYPE x></worksheet>`;
      expect((await refusal(readAll(minimalWorkbook(part))).then((r) => r.problem))).toBe('dtd');
    });

    it('When the file is not a workbook, then it says so', async () => {
      expect((await refusal(readAll(Buffer.from('Post ID,Publish time\n1,2\n')))).problem).toBe('not_xlsx');
      expect((await refusal(readAll(makeZip([['hello.txt', 'hi']])))).problem).toBe('not_xlsx');
      expect((await refusal(readAll(Buffer.alloc(0)))).problem).toBe('not_xlsx');
    });

    it('When the zip hides data outside its listed parts, then it is refused as damaged', async () => {
      const good = minimalWorkbook(sheetXml([['x']]));
      const shifted = makeZip([['xl/workbook.xml', '<workbook/>']], { prefix: Buffer.from('PK\u0003\u0004 hidden') });
      expect(await refusal(readAll(shifted))).toEqual({ problem: 'damaged', message: 'the workbook is damaged (parts overlap or are hidden between the listed ones)' });
      const truncated = good.subarray(0, good.length - 30);
      expect((await refusal(readAll(truncated))).problem).toMatch(/not_xlsx|damaged/);
      const corrupt = Buffer.from(good);
      corrupt.writeUInt32LE(0x12345678, corrupt.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 4);
      expect((await refusal(readAll(corrupt))).problem).toBe('damaged');
    });
  });
});
