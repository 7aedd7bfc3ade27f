import { DateFormatSchema, ImportColumnsSchema, ImportUploadSchema, ROUTES, RosterSideSchema, pathTo } from '@handover/shared';
import { z } from 'zod';
import { request } from '../../lib/api-client';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type the API reads the file as: XLSX by its type or extension, else CSV (whatever the encoding). */
export const uploadTypeOf = (file: { name: string; type: string }): string =>
  file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';

/**
 * The suggested mapping is a hint that prefills the form, read leniently: a preset's mapping has
 * no time zone yet (the person gives it), which the complete mapping schema would refuse.
 */
const SuggestedMappingSchema = z.object({
  columns: ImportColumnsSchema,
  channel: z.string().optional(),
  dateFormat: DateFormatSchema.optional(),
  timeZone: z.string().optional(),
  defaultSide: RosterSideSchema.optional(),
});

const UploadAnswerSchema = ImportUploadSchema.omit({ mapping: true })
  .extend({ mapping: z.unknown().optional() })
  .transform(({ mapping, ...upload }) => {
    const suggested = SuggestedMappingSchema.safeParse(mapping);
    return { ...upload, mapping: suggested.success ? suggested.data : undefined };
  });
export type UploadedImport = z.output<typeof UploadAnswerSchema>;

/** Step one of a mapped import: the raw file; nothing is stored as posts yet. */
export const uploadImport = (planId: string, file: Blob & { name: string }) =>
  request(pathTo(ROUTES.imports, { planId }), UploadAnswerSchema, { method: 'POST', body: file, contentType: uploadTypeOf(file) });
