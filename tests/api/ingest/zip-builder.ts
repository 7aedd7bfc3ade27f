import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/** A zip of the given parts, stored or deflated, built by hand so tests can make broken ones. */
export function makeZip(parts: Array<[string, string | Buffer]>, options: { deflate?: boolean; prefix?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = options.prefix?.length ?? 0;
  for (const [name, content] of parts) {
    const raw = typeof content === 'string' ? Buffer.from(content) : content;
    const data = options.deflate ? zlib.deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(options.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(options.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([options.prefix ?? Buffer.alloc(0), ...locals, cd, eocd]);
}

const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The smallest workbook the reader accepts: one sheet of inline strings, plus extra parts. */
export function minimalWorkbook(sheetXml: string, extra: Array<[string, string]> = []): Buffer {
  return makeZip(
    [
      ['xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns:r="${RELS_NS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="${RELS_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
      ['xl/worksheets/sheet1.xml', sheetXml],
      ...extra,
    ],
    { deflate: true },
  );
}

export const sheetXml = (rows: string[][]) =>
  `<?xml version="1.0"?><worksheet><sheetData>${rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;

/** A workbook written by exceljs itself, for the reader's ordinary path. */
export async function excelWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = new Date('2026-01-01T00:00:00Z');
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
