import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1252';

const BOMS: Array<{ encoding: TextEncoding; bytes: readonly number[] }> = [
  { encoding: 'utf8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf16be', bytes: [0xfe, 0xff] },
];

/** How many bytes after the first non-ASCII byte are checked before calling a file UTF-8. */
const LOOKAHEAD = 4096;

const startsWith = (buf: Buffer, bytes: readonly number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** Length of `buf` without a multi-byte UTF-8 sequence cut off at its end. */
function completeUtf8Length(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/**
 * Bytes to text, with the encoding decided from the bytes: a byte-order mark decides (UTF-8,
 * UTF-16 LE or BE); else the text is UTF-8 if it is valid UTF-8, else Windows-1252 (what Excel
 * writes on Windows for "CSV"). ASCII reads the same in both, so the choice waits for the first
 * byte above 0x7F and checks the bytes that follow it. A sequence split between chunks is held
 * until its end arrives. After the choice, bytes that break it become U+FFFD.
 */
export class ByteDecoder {
  encoding: TextEncoding | null = null;
  private held: Buffer = Buffer.alloc(0);
  private decoder: iconv.DecoderStream | null = null;
  private bomChecked = false;

  write(chunk: Buffer): string {
    if (this.decoder) return this.decoder.write(chunk);
    this.held = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    return this.decide(false);
  }

  end(): string {
    // Empty or pure ASCII to the end leaves no decoder: the held text is all there is.
    const text = this.decoder ? '' : this.decide(true);
    return text + (this.current()?.end() ?? '');
  }

  private current(): iconv.DecoderStream | null {
    return this.decoder;
  }

  private use(encoding: TextEncoding, rest: Buffer): string {
    this.encoding = encoding;
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
    this.held = Buffer.alloc(0);
    return rest.length ? this.decoder.write(rest) : '';
  }

  private decide(ended: boolean): string {
    const held = this.held;
    if (!this.bomChecked) {
      if (held.length < 3 && !ended) return '';
      this.bomChecked = true;
      const bom = BOMS.find((b) => startsWith(held, b.bytes));
      if (bom) return this.use(bom.encoding, held.subarray(bom.bytes.length));
    }
    let firstHigh = 0;
    while (firstHigh < held.length && held[firstHigh]! < 0x80) firstHigh++;
    // Everything before the first non-ASCII byte reads the same whatever the choice.
    const ascii = held.toString('latin1', 0, firstHigh);
    const rest = held.subarray(firstHigh);
    if (!rest.length) {
      this.held = Buffer.alloc(0);
      if (ended) this.encoding ??= 'utf8';
      return ascii;
    }
    if (!ended && rest.length < LOOKAHEAD) {
      this.held = rest;
      return ascii;
    }
    const window = rest.subarray(0, LOOKAHEAD);
    const valid = isUtf8(ended && rest.length <= LOOKAHEAD ? window : window.subarray(0, completeUtf8Length(window)));
    return ascii + this.use(valid ? 'utf8' : 'windows1252', rest);
  }
}

/** A Transform from bytes to strings (object mode on the readable side); `encoding` once decided. */
export class DecodeStream extends Transform {
  private readonly bytes = new ByteDecoder();

  constructor() {
    super({ readableObjectMode: true });
  }

  get encoding(): TextEncoding | null {
    return this.bytes.encoding;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    const text = this.bytes.write(chunk);
    if (text) this.push(text);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const text = this.bytes.end();
    if (text) this.push(text);
    callback();
  }
}

/** The same decoding for an async iterable of byte chunks. */
export async function* decodeChunks(chunks: AsyncIterable<Buffer | Uint8Array>, onEncoding?: (encoding: TextEncoding) => void): AsyncGenerator<string> {
  const bytes = new ByteDecoder();
  let told = false;
  const tell = () => {
    if (!told && bytes.encoding && onEncoding) {
      told = true;
      onEncoding(bytes.encoding);
    }
  };
  for await (const chunk of chunks) {
    const text = bytes.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    tell();
    if (text) yield text;
  }
  const tail = bytes.end();
  tell();
  if (tail) yield tail;
}

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The field delimiter of a CSV from the text of its first lines: for each candidate, the count
 * outside quotes on each of the first 10 records; the candidate whose count is the same on the
 * most records wins (then the higher count; then `,` before `;` before tab). A comma inside a
 * quoted field, or in the text of a semicolon file, does not sway it. Comma when nothing is found.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const counts: Array<Record<Delimiter, number>> = [];
  let current: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < sample.length && counts.length < 10; i++) {
    const c = sample[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (content) counts.push(current);
      current = { ',': 0, ';': 0, '\t': 0 };
      content = false;
      continue;
    } else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) current[c]++;
    if (c !== '\uFEFF') content = true;
  }
  // A last record without its line end may be cut short: use it only when it is the only one.
  if (content && !counts.length) counts.push(current);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const tally = new Map<number, number>();
    for (const record of counts) if (record[d] > 0) tally.set(record[d], (tally.get(record[d]) ?? 0) + 1);
    for (const [count, records] of tally) {
      const score = records * 1_000_000 + count;
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
  }
  return best;
}
