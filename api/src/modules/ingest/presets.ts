import {
  POSTS_CSV_HEADER,
  type DateFormat,
  type ImportColumns,
  type ImportFormat,
  type ImportMappingRequest,
  type ImportMappingSchema,
  type PresetName,
} from '@handover/shared';
import type { z } from 'zod';
import type { Channel } from './channels';

// Presets are data: the columns of exports whose layout is known, so a person does not map them by
// hand. A correction (a renamed column, another date format) is a change to this table only.

export type PresetVariant = {
  /** Header cells that must all be present (trimmed, any case) for a file to be read this way. */
  required: readonly string[];
  columns: ImportColumns;
  dateFormat: DateFormat;
};

export type Preset = {
  name: PresetName;
  label: string;
  /** The network of every row, or null when the file has a channel column. */
  channel: Channel | null;
  formats: readonly ImportFormat[];
  /** Whether the export puts rows (a description) above the header. */
  headerBelowFirstRow: boolean;
  /** Tried in order; the first whose required headers are all present is used. */
  variants: readonly PresetVariant[];
};

/**
 * Meta Business Suite, Insights → Content → export: one CSV per platform, alike but for the account
 * column. `Publish time` is 24 h with no zone stated, so the importer asks for one. A `Date` column
 * may read `Lifetime`; it is not read.
 */
function metaPreset(name: PresetName, label: string, channel: Channel, account: string): Preset {
  return {
    name,
    label,
    channel,
    formats: ['csv'],
    headerBelowFirstRow: false,
    variants: [
      {
        required: ['Post ID', account, 'Publish time', 'Permalink'],
        columns: { publishedAt: 'Publish time', externalId: 'Post ID', permalink: 'Permalink', account },
        dateFormat: 'MM/DD/YYYY HH:mm',
      },
    ],
  };
}

export const PRESETS: readonly Preset[] = [
  metaPreset('meta_facebook', 'Meta Business Suite (Facebook)', 'facebook', 'Page ID'),
  metaPreset('meta_instagram', 'Meta Business Suite (Instagram)', 'instagram', 'Account username'),
  {
    // LinkedIn page analytics, Content → export, "All posts" sheet: a description row above the
    // header; `Posted by` (the member who posted as the page) appears in some exports only.
    name: 'linkedin_all_posts',
    label: 'LinkedIn page "All posts"',
    channel: 'linkedin',
    formats: ['xlsx', 'csv'],
    headerBelowFirstRow: true,
    variants: [
      {
        required: ['Post title', 'Post link', 'Created date', 'Posted by'],
        columns: { publishedAt: 'Created date', permalink: 'Post link', author: 'Posted by' },
        dateFormat: 'MM/DD/YYYY',
      },
      {
        required: ['Post title', 'Post link', 'Created date'],
        columns: { publishedAt: 'Created date', permalink: 'Post link' },
        dateFormat: 'MM/DD/YYYY',
      },
    ],
  },
  {
    // X analytics content export, one account per file. Older files (tweet activity) and newer ones
    // (account analytics content) name the columns differently and write dates differently.
    name: 'x_analytics',
    label: 'X analytics',
    channel: 'x',
    formats: ['csv'],
    headerBelowFirstRow: false,
    variants: [
      {
        required: ['Tweet id', 'Tweet permalink', 'Tweet text', 'time'],
        columns: { publishedAt: 'time', externalId: 'Tweet id', permalink: 'Tweet permalink' },
        dateFormat: 'YYYY-MM-DD HH:mm Z',
      },
      {
        required: ['Post id', 'Date', 'Post text', 'Post Link'],
        columns: { publishedAt: 'Date', externalId: 'Post id', permalink: 'Post Link' },
        dateFormat: 'ddd, MMM D, YYYY',
      },
    ],
  },
  {
    // Handover's own CSV, as `GET .../posts/export` writes it and the plain import reads it.
    name: 'handover',
    label: 'Handover CSV',
    channel: null,
    formats: ['csv'],
    headerBelowFirstRow: false,
    variants: [
      {
        required: POSTS_CSV_HEADER,
        columns: { publishedAt: 'published_at', channel: 'channel', source: 'source', externalId: 'external_id', author: 'author' },
        dateFormat: 'ISO 8601',
      },
    ],
  },
];

export const presetNamed = (name: PresetName): Preset => PRESETS.find((p) => p.name === name)!;

/** Header cells compare trimmed, without a byte-order mark, in any case. */
export const headerKey = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase();

function variantFor(preset: Preset, header: readonly string[]): PresetVariant | null {
  const present = new Set(header.map(headerKey));
  return preset.variants.find((v) => v.required.every((name) => present.has(headerKey(name)))) ?? null;
}

export type DetectedPreset = { preset: Preset; variant: PresetVariant; /** 1-based row (record) number. */ headerRow: number };

/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = 10;

/** The preset of a file from its first rows: the topmost row that is a preset's header, or null. */
export function detectPreset(rows: readonly (readonly string[])[]): DetectedPreset | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    for (const preset of PRESETS) {
      const variant = variantFor(preset, rows[r]!);
      if (variant) return { preset, variant, headerRow: r + 1 };
    }
  }
  return null;
}

type MappingInput = z.input<typeof ImportMappingSchema>;

/** The file's own spelling of a column the preset names, so a mapping shows what the file says. */
function inFile(name: string | undefined, header: readonly string[]): string | undefined {
  if (name === undefined) return undefined;
  const found = header.find((cell) => headerKey(cell) === headerKey(name));
  return found === undefined ? name : found.replace(/^\uFEFF/, '').trim();
}

/**
 * The mapping a `PUT .../mapping` body describes, against the file's header row: a preset (with
 * the format, zone and default side it may override) or the columns it names. To be parsed with
 * `ImportMappingSchema`, which says what is missing; an error when the file's header lacks the
 * preset's columns.
 */
export function mappingFromRequest(request: ImportMappingRequest, header: readonly string[]): { mapping: MappingInput } | { error: string } {
  const { timeZone, defaultSide } = request;
  if (!request.preset) {
    return { mapping: { columns: request.columns!, channel: request.channel, dateFormat: request.dateFormat!, timeZone, defaultSide } };
  }
  const preset = presetNamed(request.preset);
  const variant = variantFor(preset, header);
  if (!variant) {
    const present = new Set(header.map(headerKey));
    const missing = preset.variants[preset.variants.length - 1]!.required.filter((n) => !present.has(headerKey(n)));
    return { error: `the header row has no ${missing.map((n) => `"${n}"`).join(', ')} column, which the ${preset.label} preset reads` };
  }
  const columns = Object.fromEntries(Object.entries(variant.columns).map(([field, name]) => [field, inFile(name, header)])) as ImportColumns;
  return {
    mapping: {
      columns,
      channel: request.channel ?? preset.channel ?? undefined,
      dateFormat: request.dateFormat ?? variant.dateFormat,
      timeZone,
      defaultSide,
    },
  };
}
