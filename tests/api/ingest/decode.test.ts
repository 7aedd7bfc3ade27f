import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { ByteDecoder, DecodeStream, decodeChunks, sniffDelimiter } from '../../../api/src/modules/ingest/decode';
import { asCommaSeparated } from '../../../api/src/modules/ingest/delimited';
import { readCsv } from '../../../api/src/modules/posts/csv-reader';

const TEXT = 'Page name,Title\r\nCafé Nord,"Crème brûlée, 3 €"\r\n';

function decodeAll(bytes: Buffer, chunkSize = bytes.length || 1) {
  const d = new ByteDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += chunkSize) text += d.write(bytes.subarray(i, i + chunkSize));
  text += d.end();
  return { text, encoding: d.encoding };
}

async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function records(text: string[], delimiter: ',' | ';' | '\t') {
  const out: Array<{ fields: string[]; line: number }> = [];
  for await (const batch of readCsv(asCommaSeparated(iterate(text), delimiter))) out.push(...batch);
  return out;
}

describe('ByteDecoder', () => {
  it('When a byte-order mark is present, then it decides the encoding and is not part of the text', () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf16le'],
      [iconv.encode(TEXT, 'utf16be', { addBOM: true }), 'utf16be'],
    ];
    for (const [bytes, encoding] of cases) {
      for (const size of [1, 2, 3, 7, bytes.length]) expect(decodeAll(bytes, size)).toEqual({ text: TEXT, encoding });
    }
  });

  it('When there is no mark, then valid UTF-8 is UTF-8 and anything else is Windows-1252', () => {
    expect(decodeAll(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf8' });
    expect(decodeAll(iconv.encode(TEXT, 'windows1252'))).toEqual({ text: TEXT, encoding: 'windows1252' });
    expect(decodeAll(Buffer.from('plain,ascii\n'))).toEqual({ text: 'plain,ascii\n', encoding: 'utf8' });
    expect(decodeAll(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf8' });
  });

  it('When multi-byte characters are split across chunks, then they come out whole', () => {
    const text = 'id,text\n1,é€😀 ñ\n2,"ü, ß"\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let size = 1; size <= 9; size++) expect(decodeAll(bytes, size)).toEqual({ text, encoding: 'utf8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (let size = 1; size <= 5; size++) expect(decodeAll(utf16, size).text).toBe(text);
  });

  it('When the first non-ASCII byte comes late, then the ASCII before it is already out and the choice is made there', () => {
    const head = `${'a,b\n'.repeat(20_000)}`;
    const bytes = Buffer.concat([Buffer.from(head), iconv.encode('Café,Nord\n', 'windows1252')]);
    const d = new ByteDecoder();
    const first = d.write(bytes.subarray(0, 50_000));
    expect(first).toBe(head.slice(0, 50_000));
    expect(d.encoding).toBeNull();
    const rest = d.write(bytes.subarray(50_000)) + d.end();
    expect(first + rest).toBe(`${head}Café,Nord\n`);
    expect(d.encoding).toBe('windows1252');
  });

  it('When used as a Transform or over an async iterable, then it yields the same text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    const stream = Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]).pipe(new DecodeStream());
    let text = '';
    for await (const part of stream) text += part as string;
    expect(text).toBe(TEXT);
    expect((stream as DecodeStream).encoding).toBe('utf8');

    let seen: string | null = null;
    let fromIterable = '';
    for await (const part of decodeChunks(iterate([iconv.encode(TEXT, 'windows1252')]), (e) => (seen = e))) fromIterable += part;
    expect(fromIterable).toBe(TEXT);
    expect(seen).toBe('windows1252');
  });
});

describe('sniffDelimiter', () => {
  it('When fields are separated by commas, semicolons or tabs, then that delimiter is chosen', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('Post ID;Page name;Title\r\n1;Café Nord;"Hello, world"\r\n2;Café Nord;Hi, there, you\r\n')).toBe(';');
    expect(sniffDelimiter('Tweet id\tTweet text\ttime\n1\thello, world; again\t2024-01-15 14:30 +0000\n')).toBe('\t');
  });

  it('When commas sit inside quoted fields, including across lines, then they do not count', () => {
    expect(sniffDelimiter('"a,b,c";d\n"x,\ny,z";w\n')).toBe(';');
  });

  it('When the sample is one header line without an end, or has no delimiter, then it still answers', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('single')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });
});

describe('asCommaSeparated', () => {
  const semicolon = 'Post ID;Title;Publish time\r\n1;Hello, world;03/31/2026 14:05\r\n2;"Quoted; with ""quotes""\r\nand a line";03/31/2026 15:00\r\n;;\r\n';
  const expected = [
    { fields: ['Post ID', 'Title', 'Publish time'], line: 1 },
    { fields: ['1', 'Hello, world', '03/31/2026 14:05'], line: 2 },
    { fields: ['2', 'Quoted; with "quotes"\r\nand a line', '03/31/2026 15:00'], line: 3 },
    { fields: ['', '', ''], line: 5 },
  ];

  it('When a semicolon file is rewritten, then the comma reader sees the same fields and lines', async () => {
    expect(await records([semicolon], ';')).toEqual(expected);
  });

  it('When the text is split at any position, then the fields are the same', async () => {
    for (let at = 1; at < semicolon.length; at++) {
      expect(await records([semicolon.slice(0, at), semicolon.slice(at)], ';')).toEqual(expected);
    }
  });

  it('When the file is tab-delimited, then commas and semicolons stay in their fields', async () => {
    expect(await records(['a\tb\n1,2\t3;4\n'], '\t')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1,2', '3;4'], line: 2 },
    ]);
  });

  it('When text follows a closing quote, then the reader still refuses it', async () => {
    await expect(records(['"a"b;c\n'], ';')).rejects.toThrow('unexpected text after a closing quote');
  });
});
