import type { Delimiter } from './decode';

/**
 * Rewrites `;`- or tab-delimited CSV text as comma-delimited text with the same fields, so that a
 * reader that only knows commas can read it: each delimiter outside quotes becomes a comma, and
 * each unquoted field is quoted (its quotes doubled), so a comma in its text stays in the field.
 * Quoted fields and line ends pass through unchanged, so records keep their line numbers.
 * Streaming: state is carried between chunks and nothing is buffered. Comma text passes through.
 *
 * This exists because the shared CSV reader takes no delimiter; when it does, pass the delimiter
 * to it instead and delete this.
 */
export async function* asCommaSeparated(chunks: AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<string> {
  if (delimiter === ',') {
    yield* chunks;
    return;
  }
  const rewriter = new CommaRewriter(delimiter);
  for await (const chunk of chunks) {
    const out = rewriter.write(chunk);
    if (out) yield out;
  }
  const tail = rewriter.end();
  if (tail) yield tail;
}

type State = 'fieldStart' | 'quoted' | 'afterQuote' | 'unquoted';

export class CommaRewriter {
  private state: State = 'fieldStart';

  constructor(private readonly delimiter: ';' | '\t') {}

  write(text: string): string {
    const d = this.delimiter;
    let out = '';
    let i = 0;
    const n = text.length;
    while (i < n) {
      const c = text[i]!;
      switch (this.state) {
        case 'quoted': {
          // Copied as is up to and including the closing quote ("" reopens it: see afterQuote).
          const close = text.indexOf('"', i);
          if (close === -1) {
            out += text.slice(i);
            i = n;
          } else {
            out += text.slice(i, close + 1);
            i = close + 1;
            this.state = 'afterQuote';
          }
          continue;
        }
        case 'unquoted': {
          let j = i;
          while (j < n && text[j] !== d && text[j] !== '"' && text[j] !== '\n' && text[j] !== '\r') j++;
          out += text.slice(i, j);
          i = j;
          if (i === n) continue;
          const e = text[i]!;
          if (e === '"') {
            out += '""';
          } else {
            out += e === d ? '",' : `"${e}`;
            this.state = 'fieldStart';
          }
          i++;
          continue;
        }
        case 'afterQuote':
        case 'fieldStart':
          if (c === '"') {
            out += '"';
            this.state = 'quoted';
          } else if (c === d) {
            out += ',';
            this.state = 'fieldStart';
          } else if (c === '\n' || c === '\r') {
            out += c;
            this.state = 'fieldStart';
          } else if (this.state === 'afterQuote') {
            out += c; // text after a closing quote: left for the reader to refuse
          } else {
            out += `"${c}`;
            this.state = 'unquoted';
          }
          i++;
          continue;
      }
    }
    return out;
  }

  end(): string {
    const open = this.state === 'unquoted';
    this.state = 'fieldStart';
    return open ? '"' : '';
  }
}
