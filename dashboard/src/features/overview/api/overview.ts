import {
  AdoptionSeriesSchema,
  CoverageSchema,
  HandoverSchema,
  MatrixSchema,
  MilestoneSchema,
  ShareSchema,
  SummarySchema,
  AdoptionSampleSchema,
  pageOf,
  type CreateAdoption,
} from '@handover/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

// The overview reads from many resources; its keys share their prefixes so other pages' writes refresh it.

export const getSummary = (planId: string, asOf?: string) => request(`/plans/${planId}/summary`, SummarySchema, { query: { asOf } });
export const summaryQueryOptions = (planId: string, asOf?: string) =>
  queryOptions({ queryKey: planKey(planId, 'summary', asOf ?? 'today'), queryFn: () => getSummary(planId, asOf) });
export const useSummary = (planId: string, asOf?: string) => useQuery(summaryQueryOptions(planId, asOf));

export const getWeeklyShare = (planId: string, from: string, to: string) =>
  request(`/plans/${planId}/posts/share`, ShareSchema, { query: { interval: 'week', from, to } });
export const useWeeklyShare = (planId: string, from: string, to: string) =>
  useQuery({ queryKey: planKey(planId, 'share', 'week', from, to), queryFn: () => getWeeklyShare(planId, from, to) });

export const getAdoption = (planId: string) => request(`/plans/${planId}/adoption`, AdoptionSeriesSchema);
export const useAdoption = (planId: string) => useQuery({ queryKey: planKey(planId, 'adoption'), queryFn: () => getAdoption(planId) });

const MilestonePage = pageOf(MilestoneSchema);
export const useAllMilestones = (planId: string) =>
  useQuery({
    queryKey: planKey(planId, 'milestones', {}),
    queryFn: () => requestAll((offset, limit) => request(`/plans/${planId}/milestones`, MilestonePage, { query: { offset, limit } })),
  });

const HandoverPage = pageOf(HandoverSchema);
export const useAllHandovers = (planId: string) =>
  useQuery({
    queryKey: planKey(planId, 'handovers', {}),
    queryFn: () => requestAll((offset, limit) => request(`/plans/${planId}/handovers`, HandoverPage, { query: { offset, limit } })),
  });

export const useCoverage = (planId: string) =>
  useQuery({ queryKey: planKey(planId, 'skills', 'coverage'), queryFn: () => request(`/plans/${planId}/skills/coverage`, CoverageSchema) });

export const useMatrix = (planId: string, enabled: boolean) =>
  useQuery({ queryKey: planKey(planId, 'skills', 'matrix'), queryFn: () => request(`/plans/${planId}/skills/matrix`, MatrixSchema), enabled });

export const recordAdoption = (planId: string, body: CreateAdoption) =>
  request(`/plans/${planId}/adoption`, AdoptionSampleSchema, { method: 'POST', json: body });
export function useRecordAdoption(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAdoption) => recordAdoption(planId, body),
    onSuccess: () =>
      Promise.all(['adoption', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) }))),
  });
}
