import type { ImportColumns, ImportMapping, PostSource } from '@handover/shared';
import { canonicalChannel, normalisePermalink } from './channels';
import type { IncomingPost } from './classify';
import { parseDateCell } from './date-formats';
import { headerKey } from './presets';

export type CompiledMapping = {
  mapping: ImportMapping;
  /** Column index of each mapped field, and the header text it was found under. */
  columns: Array<{ field: keyof ImportColumns; index: number; name: string }>;
  /** The fixed network, canonical. */
  channel: string | null;
};

/**
 * Resolves a mapping's column names against the file's header row (exact text first, then
 * trimmed and in any case; the first of repeated names). An error names a column that is missing.
 */
export function compileMapping(mapping: ImportMapping, header: readonly string[]): { compiled: CompiledMapping } | { error: string } {
  const columns: CompiledMapping['columns'] = [];
  for (const [field, name] of Object.entries(mapping.columns) as Array<[keyof ImportColumns, string | undefined]>) {
    if (name === undefined) continue;
    let index = header.indexOf(name);
    if (index === -1) index = header.findIndex((cell) => headerKey(cell) === headerKey(name));
    if (index === -1) return { error: `the file has no column "${name}" (for ${field})` };
    columns.push({ field, index, name: header[index]!.replace(/^\uFEFF/, '').trim() });
  }
  const channel = mapping.channel === undefined ? null : canonicalChannel(mapping.channel);
  return { compiled: { mapping, columns, channel } };
}

export type MappedRow = { kind: 'row'; post: IncomingPost } | { kind: 'skip' } | { kind: 'error'; message: string };

/** The longest text kept per field, as a post stores them. */
const MAX_TEXT = 200;

const SOURCES: Record<string, PostSource> = { agency: 'agency', in_house: 'in_house', inhouse: 'in_house', co_authored: 'co_authored', coauthored: 'co_authored' };

/**
 * One row through a mapping: a post, a skip (a blank row, or a date cell without a digit, such as
 * `Lifetime`), or an error that names the column and what was expected. Text is trimmed; empty
 * text is absent.
 */
export function mapRow(compiled: CompiledMapping, fields: readonly string[]): MappedRow {
  if (isBlank(fields)) return { kind: 'skip' };
  const text: Partial<Record<keyof ImportColumns, string>> = {};
  for (const { field, index } of compiled.columns) text[field] = (fields[index] ?? '').trim();
  const { dateFormat, timeZone } = compiled.mapping;
  const date = parseDateCell(text.publishedAt ?? '', dateFormat, timeZone);
  if (date.kind === 'skip') return { kind: 'skip' };
  const problems: string[] = [];
  const problem = (field: keyof ImportColumns, message: string) =>
    problems.push(`${compiled.columns.find((c) => c.field === field)?.name ?? field}: ${message}`);
  if (date.kind === 'error') problem('publishedAt', date.message);

  const channel = compiled.channel ?? canonicalChannel(text.channel);
  if (!channel) problem('channel', text.channel ? 'must be at most 50 characters' : 'must not be empty');

  const bounded = (field: 'externalId' | 'account' | 'author' | 'publisher'): string | null => {
    const value = text[field];
    if (!value) return null;
    if (value.length > MAX_TEXT) problem(field, `must be at most ${MAX_TEXT} characters`);
    return value;
  };
  const externalId = bounded('externalId');
  const account = bounded('account');
  const author = bounded('author');
  const publisher = bounded('publisher');

  let permalink: string | null = null;
  if (text.permalink) {
    permalink = normalisePermalink(text.permalink);
    if (!permalink) problem('permalink', `"${text.permalink.slice(0, 60)}" is not a web address`);
  }

  let source: PostSource | null = null;
  if (text.source) {
    source = SOURCES[text.source.toLowerCase().replace(/[\s-]+/g, '_')] ?? null;
    if (!source) problem('source', `must be agency, in_house or co_authored (not "${text.source.slice(0, 40)}")`);
  }

  if (problems.length || date.kind !== 'instant' || !channel) return { kind: 'error', message: problems.join('; ') };
  return { kind: 'row', post: { channel, publishedAt: date.iso, account, externalId, permalink, author, publisher, source } };
}

/** True when every cell is empty or white space (checked without trimming copies: this runs per row). */
function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      if (c < 128 || !/\s/.test(f[i]!)) return false;
    }
  }
  return true;
}

export { Preview, type PreviewedRow } from './preview';
