import fc from 'fast-check';
import { CsvSyntaxError, readCsv, type CsvRecord } from '../../api/src/modules/posts/csv-reader';

// The import reads uploads in 64 KiB reads, so a chunk can end anywhere: between the CR and LF of a
// line end, inside a quoted field, between the two quotes of an escaped quote, or in the middle of
// a multi-byte character. Whatever the cuts, the reader must return exactly the rows written, each
// with the physical line it starts on.

const LINE_ENDS = ['\n', '\r\n', '\r'] as const;
type LineEnd = (typeof LINE_ENDS)[number];

/** Fields drawn from the characters that matter to CSV, plus 2-, 3- and 4-byte UTF-8 ones. */
const field = fc
  .array(fc.constantFrom('a', 'Z', ' ', ',', '"', '""', '\r', '\n', '\r\n', 'é', '€', '😀', 'x,y', '"q"'), { maxLength: 6 })
  .map((parts) => parts.join(''));
const row = fc.array(field, { minLength: 1, maxLength: 5 });

type Line = { kind: 'row'; fields: string[]; quoteAll: boolean[]; end: LineEnd } | { kind: 'blank'; end: LineEnd };
const line: fc.Arbitrary<Line> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ fields: row, quoteAll: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), end: fc.constantFrom(...LINE_ENDS) })
      .map((r) => ({ kind: 'row' as const, ...r })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LINE_ENDS).map((end) => ({ kind: 'blank' as const, end })) },
);

const needsQuotes = (value: string) => /[",\r\n]/.test(value);

type Written = { text: string; expected: CsvRecord[]; quoted: Array<[number, number]> };

/**
 * Serialise as a spreadsheet would (quote a field when it must, sometimes when it need not), and
 * work out the line each record starts on: every line end outside quotes counts once (a CRLF once),
 * inside quotes only LF counts.
 */
function write(lines: Line[], bom: boolean, finalEnd: boolean): Written {
  let text = bom ? '\uFEFF' : '';
  let physical = 1;
  const expected: CsvRecord[] = [];
  const quoted: Array<[number, number]> = []; // character ranges inside quotes
  let previousEnd: LineEnd | null = null;
  lines.forEach((l, index) => {
    // A lone CR followed by a line starting with LF would read as one CRLF: make that blank line a CR too.
    const end: LineEnd = l.kind === 'blank' && previousEnd === '\r' && l.end !== '\r' ? '\r' : l.end;
    if (l.kind === 'row') {
      expected.push({ fields: l.fields, line: physical });
      l.fields.forEach((value, i) => {
        if (i > 0) text += ',';
        // A row of one empty field written bare would be a blank line, which the reader skips.
        const quote = needsQuotes(value) || l.quoteAll[i] === true || (l.fields.length === 1 && value === '');
        if (!quote) {
          text += value;
          return;
        }
        const start = text.length + 1;
        text += `"${value.replaceAll('"', '""')}"`;
        quoted.push([start, text.length - 1]);
        physical += value.split('\n').length - 1;
      });
    }
    const last = index === lines.length - 1;
    if (!last || finalEnd || l.kind === 'blank') {
      text += end;
      physical += 1;
      previousEnd = end;
    }
  });
  return { text, expected, quoted };
}

/** Byte offsets in `bytes` worth cutting at, by kind. */
function cutPoints(text: string, bytes: Buffer, quoted: Array<[number, number]>) {
  const byteOffset = (charIndex: number) => Buffer.byteLength(text.slice(0, charIndex));
  const crlf: number[] = [];
  const quotePair: number[] = [];
  const multiByte: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    if (bytes[i - 1] === 13 && bytes[i] === 10) crlf.push(i);
    if (bytes[i - 1] === 34 && bytes[i] === 34) quotePair.push(i);
    if ((bytes[i]! & 0xc0) === 0x80) multiByte.push(i);
  }
  const insideQuotes = quoted
    .flatMap(([from, to]) => (to > from ? [from, Math.floor((from + to) / 2), to] : []))
    .map(byteOffset)
    .filter((i) => i > 0 && i < bytes.length);
  return [...crlf, ...quotePair, ...multiByte, ...insideQuotes];
}

function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  return chunks;
}

async function readAll(chunks: Array<Buffer | string>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const records of readCsv(source())) out.push(...records);
  return out;
}

describe('readCsv', () => {
  test('When rows with quotes, commas, doubled quotes, CR, LF and CRLF are cut into random chunks, then it returns exactly those rows and their first lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (lines, bom, finalEnd, specialPicks, randomCuts) => {
          const { text, expected, quoted } = write(lines, bom, finalEnd);
          const bytes = Buffer.from(text, 'utf8');
          const special = cutPoints(text, bytes, quoted);
          const cuts = [
            ...specialPicks.map((p) => special[p % Math.max(1, special.length)] ?? 0),
            ...randomCuts.map((p) => 1 + (p % Math.max(1, bytes.length - 1))),
          ];
          expect(await readAll(split(bytes, cuts))).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('When every byte arrives alone, then the rows are the same as from one chunk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), async (lines, bom) => {
        const { text, expected } = write(lines, bom, true);
        const bytes = Buffer.from(text, 'utf8');
        const oneByOne = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
        expect(await readAll(oneByOne)).toEqual(expected);
        expect(await readAll([bytes])).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  test('When files are generated, then each kind of awkward place to cut occurs in many of them', () => {
    // Guards the property above against a generator that stops producing the cases it is about.
    const seen = { crlf: 0, quotePair: 0, multiByte: 0, insideQuotes: 0 };
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const { text, quoted } = write(lines, false, true);
        const bytes = Buffer.from(text, 'utf8');
        if (bytes.includes('\r\n')) seen.crlf++;
        if (bytes.includes('""')) seen.quotePair++;
        if (bytes.some((b) => (b & 0xc0) === 0x80)) seen.multiByte++;
        if (quoted.some(([from, to]) => to > from)) seen.insideQuotes++;
      }),
      { numRuns: 200 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(50);
  });

  test('When a quote is left open or text follows a closing quote, then it fails with the line of the fault', async () => {
    await expect(readAll(['a,b\n"open,\nmore\n'])).rejects.toMatchObject({ line: 2, message: 'a quoted field is never closed' });
    await expect(readAll(['a\n\n"x"y,z\n'])).rejects.toMatchObject({ line: 3, message: 'unexpected text after a closing quote' });
    await expect(readAll(['a\r\nb"c\r\n'])).rejects.toBeInstanceOf(CsvSyntaxError);
    await expect(readAll(['a\r\nb"c\r\n'])).rejects.toMatchObject({ line: 2, message: 'a quote inside an unquoted field' });
  });
});
