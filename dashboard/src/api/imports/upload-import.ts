import { ImportUploadSchema, ROUTES, pathTo } from '@handover/shared';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api-client';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type the API reads the file as: XLSX by its type or extension, else CSV (whatever the encoding). */
export const uploadTypeOf = (file: { name: string; type: string }): string =>
  file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';

/** Step one of a mapped import: the raw file; nothing is stored as posts yet. */
export const uploadImport = (planId: string, file: Blob & { name: string }) =>
  request(pathTo(ROUTES.imports, { planId }), ImportUploadSchema, { method: 'POST', body: file, contentType: uploadTypeOf(file) });

export const useUploadImport = (planId: string) => useMutation({ mutationFn: (file: File) => uploadImport(planId, file) });
