import { ImportPreviewSchema, ROUTES, pathTo, type ImportMappingRequest } from '@handover/shared';
import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

/** Step two: apply a mapping to the upload and read what it would import. The PUT stores nothing but the mapping. */
export const previewImport = (planId: string, importId: string, mapping: ImportMappingRequest, signal?: AbortSignal) =>
  request(pathTo(ROUTES.importMapping, { planId, importId }), ImportPreviewSchema, { method: 'PUT', json: mapping, signal });

/**
 * The preview as a query keyed by the mapping: a changed mapping asks again (the last answer stays
 * on screen meanwhile), and a roster write refreshes it by prefix, so a classified author leaves the
 * unknown list without another click. `mapping` null: not complete yet, nothing is asked.
 */
export const importPreviewQueryOptions = (planId: string, importId: string, mapping: ImportMappingRequest | null) =>
  queryOptions({
    queryKey: queryKeys.importPreview(planId, importId, mapping ?? {}),
    queryFn: mapping ? ({ signal }) => previewImport(planId, importId, mapping, signal) : skipToken,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

export const useImportPreview = (planId: string, importId: string, mapping: ImportMappingRequest | null) =>
  useQuery(importPreviewQueryOptions(planId, importId, mapping));
