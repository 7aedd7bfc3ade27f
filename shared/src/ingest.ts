import { z } from 'zod';
import { InstantSchema, IsoDateSchema, UuidSchema, text } from './common';
import { ChannelSchema } from './posts';

// Ingest: the roster that tells agency from in-house, and the mapped (two-step) imports.

export const RosterKindSchema = z.enum(['author', 'channel']);
export type RosterKind = z.infer<typeof RosterKindSchema>;
/** A roster entry or a file default names one side; `co_authored` only ever comes from two author entries. */
export const RosterSideSchema = z.enum(['agency', 'in_house']);
export type RosterSide = z.infer<typeof RosterSideSchema>;

export const RosterEntrySchema = z.object({
  id: UuidSchema,
  planId: UuidSchema,
  kind: RosterKindSchema,
  match: z.string(),
  side: RosterSideSchema,
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  note: z.string().nullable(),
  createdBy: UuidSchema.nullable(),
  version: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

const rosterFields = {
  kind: RosterKindSchema,
  /** An email or a name (author), or a page id, `@handle`, account name or network (channel). */
  match: text(200),
  side: RosterSideSchema,
  /** Inclusive UTC calendar dates; an open end is unbounded. */
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  note: z.string().trim().max(500, 'must be at most 500 characters').nullable(),
};

function checkRange(v: { from?: string | null; to?: string | null }, ctx: z.RefinementCtx) {
  if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
}

export const CreateRosterEntrySchema = z
  .object({
    kind: rosterFields.kind,
    match: rosterFields.match,
    side: rosterFields.side,
    from: rosterFields.from.optional(),
    to: rosterFields.to.optional(),
    note: rosterFields.note.optional(),
  })
  .strict()
  .superRefine(checkRange);
export type CreateRosterEntry = z.input<typeof CreateRosterEntrySchema>;

/** A partial edit; the service re-checks the range against the stored end it does not replace. */
export const UpdateRosterEntrySchema = z.object(rosterFields).partial().strict().superRefine(checkRange);
export type UpdateRosterEntry = z.input<typeof UpdateRosterEntrySchema>;

/**
 * Date formats are named explicitly, never guessed: `03/04/2026` is March in one and April in
 * another. Date-only formats keep their calendar date (stored as 00:00 UTC); formats with a time
 * and no offset need the IANA time zone the file was written in.
 */
export const DATE_FORMAT_IDS = [
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DD HH:mm:ss',
  'MM/DD/YYYY HH:mm',
  'DD/MM/YYYY HH:mm',
  'DD.MM.YYYY HH:mm',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'YYYY-MM-DD',
  'ISO 8601',
  'YYYY-MM-DD HH:mm Z',
  'ddd, MMM D, YYYY',
] as const;
export const DateFormatSchema = z.enum(DATE_FORMAT_IDS);
export type DateFormat = z.infer<typeof DateFormatSchema>;

export type DateFormatInfo = {
  /** A value in this format, shown to people choosing one and quoted in error messages. */
  example: string;
  dateOnly: boolean;
  /** Times without an offset are read in the mapping's time zone, so one must be given. */
  needsTimeZone: boolean;
};

export const DATE_FORMATS: Record<DateFormat, DateFormatInfo> = {
  'YYYY-MM-DD HH:mm': { example: '2026-03-31 14:05', dateOnly: false, needsTimeZone: true },
  'YYYY-MM-DD HH:mm:ss': { example: '2026-03-31 14:05:09', dateOnly: false, needsTimeZone: true },
  'MM/DD/YYYY HH:mm': { example: '03/31/2026 14:05', dateOnly: false, needsTimeZone: true },
  'DD/MM/YYYY HH:mm': { example: '31/03/2026 14:05', dateOnly: false, needsTimeZone: true },
  'DD.MM.YYYY HH:mm': { example: '31.03.2026 14:05', dateOnly: false, needsTimeZone: true },
  'MM/DD/YYYY': { example: '03/31/2026', dateOnly: true, needsTimeZone: false },
  'DD/MM/YYYY': { example: '31/03/2026', dateOnly: true, needsTimeZone: false },
  'DD.MM.YYYY': { example: '31.03.2026', dateOnly: true, needsTimeZone: false },
  'YYYY-MM-DD': { example: '2026-03-31', dateOnly: true, needsTimeZone: false },
  // A value with an offset needs no zone; one without is read in the zone when given.
  'ISO 8601': { example: '2026-03-31T14:05:00Z', dateOnly: false, needsTimeZone: false },
  // X's older analytics export (`time` column): the offset is in the value.
  'YYYY-MM-DD HH:mm Z': { example: '2026-03-31 14:05 +0000', dateOnly: false, needsTimeZone: false },
  // X's newer analytics export (`Date` column): a calendar date with its weekday.
  'ddd, MMM D, YYYY': { example: 'Tue, Mar 31, 2026', dateOnly: true, needsTimeZone: false },
};

const knownZones = new Map<string, boolean>();

/**
 * Whether the runtime knows the IANA zone (Intl throws a RangeError for an unknown one). Answers
 * are remembered: making a DateTimeFormat costs far more than reading a date, and this is asked
 * for every date cell of an import.
 */
export function isValidTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size >= 500) knownZones.clear();
    knownZones.set(name, known);
  }
  return known;
}

export const TimeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London or America/New_York');

export const PRESET_NAMES = ['meta_facebook', 'meta_instagram', 'linkedin_all_posts', 'x_analytics', 'handover'] as const;
export const PresetNameSchema = z.enum(PRESET_NAMES);
export type PresetName = z.infer<typeof PresetNameSchema>;

/** Columns are named by their header text, as the upload's `columns` lists them. */
const ColumnNameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const ImportColumnsSchema = z
  .object({
    publishedAt: ColumnNameSchema,
    channel: ColumnNameSchema.optional(),
    account: ColumnNameSchema.optional(),
    externalId: ColumnNameSchema.optional(),
    permalink: ColumnNameSchema.optional(),
    author: ColumnNameSchema.optional(),
    publisher: ColumnNameSchema.optional(),
    source: ColumnNameSchema.optional(),
  })
  .strict();
export type ImportColumns = z.infer<typeof ImportColumnsSchema>;

/** A complete mapping, as applied to each row (a preset resolves to one of these). */
export const ImportMappingSchema = z
  .object({
    columns: ImportColumnsSchema,
    /** The network of every row, for files of one network (exports); else `columns.channel`. */
    channel: ChannelSchema.optional(),
    dateFormat: DateFormatSchema,
    timeZone: TimeZoneSchema.optional(),
    defaultSide: RosterSideSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.channel === undefined && v.columns.channel === undefined) {
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'give a channel column or a fixed channel' });
    }
    if (v.channel !== undefined && v.columns.channel !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'give a channel column or a fixed channel, not both' });
    }
    if (DATE_FORMATS[v.dateFormat].needsTimeZone && v.timeZone === undefined) {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: `must be given: times like ${DATE_FORMATS[v.dateFormat].example} carry no time zone` });
    }
  });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** `PUT .../imports/:id/mapping`: a preset (its format may be overridden) or columns of one's own. */
export const ImportMappingRequestSchema = z
  .object({
    preset: PresetNameSchema.optional(),
    columns: ImportColumnsSchema.optional(),
    channel: ChannelSchema.optional(),
    dateFormat: DateFormatSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    defaultSide: RosterSideSchema.optional(),
    /** XLSX only: the sheet to read (the first when absent). */
    sheet: z.string().min(1).max(31, 'must be at most 31 characters').optional(),
    /** 1-based row (record) number of the header; rows above it are skipped. */
    headerRow: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.preset === undefined) === (v.columns === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['preset'], message: 'give either a preset or columns' });
    }
    if (v.columns !== undefined && v.dateFormat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dateFormat'], message: 'must be given with columns' });
    }
  });
export type ImportMappingRequest = z.infer<typeof ImportMappingRequestSchema>;

export const ImportFormatSchema = z.enum(['csv', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

export const ImportUploadSchema = z.object({
  id: UuidSchema,
  format: ImportFormatSchema,
  sheets: z.array(z.string()).optional(),
  headerRow: z.number().int(),
  columns: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  suggestedPreset: PresetNameSchema.optional(),
  mapping: ImportMappingSchema.optional(),
});
export type ImportUpload = z.infer<typeof ImportUploadSchema>;

const CountSchema = z.number().int().min(0);
const ValueCountSchema = z.object({ value: z.string(), rows: CountSchema });

/**
 * `rows` = data rows read; each is `skipped` (no date in its date cell), an error, or `valid`.
 * Of the valid rows, `duplicates` repeat an earlier row of the file; the rest are counted by side.
 */
export const ImportPreviewSchema = z.object({
  rows: CountSchema,
  valid: CountSchema,
  skipped: CountSchema,
  /** All errors; `errors` keeps the first 50. */
  errorCount: CountSchema,
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  bySide: z.object({ agency: CountSchema, inHouse: CountSchema, coAuthored: CountSchema, unclassified: CountSchema }),
  unknownAuthors: z.array(ValueCountSchema),
  unknownChannels: z.array(ValueCountSchema),
  duplicates: CountSchema,
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportCommitResultSchema = z.object({ inserted: CountSchema, duplicates: CountSchema });
export type ImportCommitResult = z.infer<typeof ImportCommitResultSchema>;

export const ImportMappingNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'must be 1 to 60 lower-case letters, digits, - or _');

export const SavedImportMappingSchema = z.object({
  name: z.string(),
  mapping: ImportMappingRequestSchema,
  version: z.number().int(),
  updatedAt: InstantSchema,
});
export type SavedImportMapping = z.infer<typeof SavedImportMappingSchema>;
