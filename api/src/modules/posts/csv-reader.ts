import { StringDecoder } from 'node:string_decoder';

export type CsvRecord = { fields: string[]; line: number };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A record longer than this is refused, so a stray quote cannot make the reader buffer a whole file. */
export const MAX_RECORD_CHARS = 64 * 1024;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A streaming RFC 4180 reader: commas, double-quoted fields holding commas, quotes ("") and line
 * breaks, LF or CRLF line ends, a UTF-8 BOM, blank lines skipped. Each record carries the physical
 * line it starts on, so errors point at the line a person sees in an editor. Yields the records of
 * each chunk as one array, to keep per-record overhead off a million-row import.
 */
export async function* readCsv(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder('utf8');
  let line = 1; // physical line of the next character
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false; // just read the closing quote of a quoted field
  let fieldStarted = false; // the current record has content (so it is not a blank line)
  let pendingCR = false;
  let recordChars = 0;
  let first = true;

  const endRecord = (out: CsvRecord[]) => {
    if (fieldStarted || fields.length) {
      fields.push(field);
      out.push({ fields, line: recordLine });
    }
    fields = [];
    field = '';
    fieldStarted = false;
    afterQuote = false;
    recordChars = 0;
  };

  const consume = (text: string): CsvRecord[] => {
    const out: CsvRecord[] = [];
    let i = 0;
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) i = 1;
      first = false;
    }
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (pendingCR) {
        pendingCR = false;
        if (c === LF) {
          i++;
          continue; // the LF of a CRLF already counted
        }
      }
      if (inQuotes) {
        // Copy a run of ordinary characters at once.
        const next = text.indexOf('"', i);
        const end = next === -1 ? n : next;
        const run = text.slice(i, end);
        for (let k = run.indexOf('\n'); k !== -1; k = run.indexOf('\n', k + 1)) line++;
        field += run;
        recordChars += run.length;
        if (recordChars > MAX_RECORD_CHARS) throw new CsvSyntaxError(recordLine, `a record is longer than ${MAX_RECORD_CHARS} characters (is a quote left open?)`);
        if (next === -1) break;
        inQuotes = false;
        afterQuote = true;
        i = next + 1;
        continue;
      }
      if (afterQuote && c === QUOTE) {
        // "" inside a quoted field is one quote; reopen the quoted section.
        field += '"';
        inQuotes = true;
        afterQuote = false;
        i++;
        continue;
      }
      if (c === COMMA) {
        fields.push(field);
        field = '';
        fieldStarted = true;
        afterQuote = false;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        endRecord(out);
        line++;
        recordLine = line;
        if (c === CR) pendingCR = true;
        i++;
        continue;
      }
      if (afterQuote) throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
      if (c === QUOTE) {
        if (field.length) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
        inQuotes = true;
        fieldStarted = true;
        i++;
        continue;
      }
      // An unquoted run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      field += text.slice(i, j);
      fieldStarted = true;
      recordChars += j - i;
      if (recordChars > MAX_RECORD_CHARS) throw new CsvSyntaxError(recordLine, `a record is longer than ${MAX_RECORD_CHARS} characters`);
      i = j;
    }
    return out;
  };

  for await (const chunk of chunks) {
    const records = consume(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (records.length) yield records;
  }
  const tail = consume(decoder.end());
  if (inQuotes) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  endRecord(tail);
  if (tail.length) yield tail;
}
