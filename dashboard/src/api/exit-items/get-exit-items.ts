import { ExitItemSchema, ROUTES, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const ExitItemPage = pageOf(ExitItemSchema);

/** Every item of the plan's exit checklist; the page groups them by kind itself. */
export const getExitItems = (planId: string) =>
  requestAll((offset, limit) => request(pathTo(ROUTES.exitItems, { planId }, { offset, limit }), ExitItemPage));

export const exitItemsQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.exitItems(planId), queryFn: () => getExitItems(planId) });
export const useExitItems = (planId: string) => useQuery(exitItemsQueryOptions(planId));
