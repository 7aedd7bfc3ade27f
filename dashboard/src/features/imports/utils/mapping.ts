import {
  DATE_FORMAT_IDS,
  ImportMappingRequestSchema,
  type DateFormat,
  type ImportColumns,
  type ImportMappingRequest,
  type PresetName,
  type RosterSide,
} from '@handover/shared';
import type { UploadedImport } from '../../../api/imports/upload-import';

/** What each preset reads, in the words on the export's own menu. */
export const PRESET_LABELS: Record<PresetName, string> = {
  meta_facebook: 'Meta Business Suite: Facebook content export',
  meta_instagram: 'Meta Business Suite: Instagram content export',
  linkedin_all_posts: 'LinkedIn page: All posts (XLSX)',
  x_analytics: 'X analytics export',
  handover: 'Handover’s own CSV',
};

/** The fields read from a column; the channel is chosen apart (a column or one for the file). */
export type ColumnField = Exclude<keyof ImportColumns, 'channel'>;

/** The row fields a column can fill, in the form's order, with what each one is for. */
export const COLUMN_FIELDS: { key: ColumnField; label: string; hint: string }[] = [
  { key: 'publishedAt', label: 'Published at', hint: 'Required: when the post went out.' },
  { key: 'account', label: 'Account', hint: 'The page id, @handle or account name.' },
  { key: 'externalId', label: 'Post id', hint: 'The network’s id, to spot duplicates.' },
  { key: 'permalink', label: 'Permalink', hint: 'The post’s address, to spot duplicates.' },
  { key: 'author', label: 'Author', hint: 'Who made it (email or name).' },
  { key: 'publisher', label: 'Publisher', hint: 'Who published it, when not the author.' },
  { key: 'source', label: 'Source', hint: 'agency, in_house or co_authored, when the file says.' },
];

export type MappingValues = {
  mode: 'preset' | 'columns';
  preset: PresetName | '';
  /** Header text per field; '' = not in the file. */
  columns: Record<ColumnField, string>;
  /** The network from a column, or fixed for the whole file. */
  channelFrom: 'column' | 'fixed';
  channelColumn: string;
  channel: string;
  /** '' with a preset: the preset's own format. */
  dateFormat: DateFormat | '';
  timeZone: string;
  defaultSide: RosterSide | '';
  sheet: string;
};

const NO_COLUMNS: Record<ColumnField, string> = { publishedAt: '', account: '', externalId: '', permalink: '', author: '', publisher: '', source: '' };

/** A header that reads like the field, for a first guess when no preset fits (`Publish time` → published at). */
const GUESSES: [ColumnField, RegExp][] = [
  ['publishedAt', /publish|posted at|date|time|created/i],
  ['account', /account|page|handle|profile/i],
  ['externalId', /^(post|tweet)?[ _-]?id$/i],
  ['permalink', /link|url|permalink/i],
  ['author', /author|posted by|creator|by$/i],
  ['publisher', /publisher/i],
  ['source', /^source$/i],
];

function guessColumns(headers: readonly string[]): Record<ColumnField, string> {
  const taken = new Set<string>();
  const columns = { ...NO_COLUMNS };
  for (const [field, pattern] of GUESSES) {
    const header = headers.find((h) => !taken.has(h) && pattern.test(h.trim()));
    if (header) {
      columns[field] = header;
      taken.add(header);
    }
  }
  return columns;
}

/**
 * The form's first values for an upload: its suggested preset when one was recognised (with the
 * columns that preset reads, so switching to columns starts from them), else columns guessed from
 * the headers; the time zone is the reader's own.
 */
export function initialMapping(upload: UploadedImport, timeZone: string, defaultSide: RosterSide | '' = ''): MappingValues {
  const m = upload.mapping;
  const fromPreset = m ? { ...NO_COLUMNS, ...(m.columns as Partial<Record<ColumnField, string>>) } : null;
  const channelColumn = m?.columns.channel ?? upload.columns.find((h) => /channel|network|platform/i.test(h)) ?? '';
  return {
    mode: upload.suggestedPreset ? 'preset' : 'columns',
    preset: upload.suggestedPreset ?? '',
    columns: fromPreset ?? guessColumns(upload.columns),
    channelFrom: m?.channel || !channelColumn ? 'fixed' : 'column',
    channelColumn,
    channel: m?.channel ?? '',
    dateFormat: upload.suggestedPreset ? '' : (m?.dateFormat ?? ''),
    timeZone: m?.timeZone ?? timeZone,
    defaultSide,
    sheet: upload.sheets?.[0] ?? '',
  };
}

const orUndefined = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** The request the form's values make (`PUT .../mapping`); blank fields are left out. */
export function toMappingRequest(v: MappingValues, upload: Pick<UploadedImport, 'sheets'>): ImportMappingRequest {
  const common = {
    timeZone: orUndefined(v.timeZone),
    defaultSide: v.defaultSide || undefined,
    sheet: upload.sheets?.length ? orUndefined(v.sheet) : undefined,
  };
  if (v.mode === 'preset') return strip({ preset: (v.preset || undefined) as PresetName, dateFormat: v.dateFormat || undefined, ...common });
  const columns = Object.fromEntries(
    [...Object.entries(v.columns), ...(v.channelFrom === 'column' ? [['channel', v.channelColumn]] : [])].filter(([, h]) => h !== ''),
  ) as ImportColumns;
  return strip({
    columns,
    channel: v.channelFrom === 'fixed' ? orUndefined(v.channel) : undefined,
    dateFormat: (v.dateFormat || undefined) as DateFormat,
    ...common,
  });
}

const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

export type MappingCheck = { request: ImportMappingRequest; errors: null } | { request: null; errors: Record<string, string> };

/**
 * The form's values checked with the schema the API uses: a complete request to preview, or an
 * error per field (by the request's path: `columns.publishedAt`, `channel`, `timeZone`, ...).
 */
export function checkMapping(v: MappingValues, upload: Pick<UploadedImport, 'sheets'>): MappingCheck {
  const request = toMappingRequest(v, upload);
  const parsed = ImportMappingRequestSchema.safeParse(request);
  if (parsed.success) {
    // The API needs the channel from somewhere: a preset fixes it, columns must say.
    if (request.columns && !request.columns.channel && !request.channel) return { request: null, errors: { channel: 'give a channel column or a fixed channel' } };
    if (request.columns && !request.columns.publishedAt) return { request: null, errors: { 'columns.publishedAt': 'choose the column with the date' } };
    return { request: parsed.data, errors: null };
  }
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const key = v.mode === 'preset' && path === 'preset' ? 'preset' : path === 'columns' ? 'columns.publishedAt' : path;
    errors[key] ??= issue.path[0] === 'columns' && issue.code === 'invalid_type' ? 'choose the column with the date' : issue.message;
  }
  return { request: null, errors };
}

export const DATE_FORMAT_OPTIONS = DATE_FORMAT_IDS;
