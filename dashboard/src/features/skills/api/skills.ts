import {
  AssessmentSchema,
  CoverageSchema,
  MatrixSchema,
  PersonSchema,
  SkillSchema,
  pageOf,
  type CreateAssessment,
  type CreatePerson,
  type CreateSkill,
  type UpdateSkill,
} from '@handover/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const PersonPage = pageOf(PersonSchema);
const SkillPage = pageOf(SkillSchema);
const AssessmentPage = pageOf(AssessmentSchema);

export const getPeople = (planId: string) =>
  requestAll((offset, limit) => request(`/plans/${planId}/people`, PersonPage, { query: { offset, limit } }));
export const getSkills = (planId: string) =>
  requestAll((offset, limit) => request(`/plans/${planId}/skills`, SkillPage, { query: { offset, limit } }));
export const getCoverage = (planId: string) => request(`/plans/${planId}/skills/coverage`, CoverageSchema);
export const getMatrix = (planId: string) => request(`/plans/${planId}/skills/matrix`, MatrixSchema);
export const getAssessments = (planId: string, limit = 20) =>
  request(`/plans/${planId}/assessments`, AssessmentPage, { query: { limit } });

export const peopleQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'people'), queryFn: () => getPeople(planId) });
export const skillsQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'skills', 'list'), queryFn: () => getSkills(planId) });
export const coverageQueryOptions = (planId: string) =>
  queryOptions({ queryKey: planKey(planId, 'skills', 'coverage'), queryFn: () => getCoverage(planId) });
export const matrixQueryOptions = (planId: string, enabled = true) =>
  queryOptions({ queryKey: planKey(planId, 'skills', 'matrix'), queryFn: () => getMatrix(planId), enabled });
export const assessmentsQueryOptions = (planId: string, enabled = true) =>
  queryOptions({ queryKey: planKey(planId, 'skills', 'assessments'), queryFn: () => getAssessments(planId), enabled });

export const usePeople = (planId: string) => useQuery(peopleQueryOptions(planId));
export const useSkills = (planId: string) => useQuery(skillsQueryOptions(planId));
export const useCoverage = (planId: string) => useQuery(coverageQueryOptions(planId));
export const useMatrix = (planId: string, enabled = true) => useQuery(matrixQueryOptions(planId, enabled));
export const useAssessments = (planId: string, enabled = true) => useQuery(assessmentsQueryOptions(planId, enabled));

/** People, skills and assessments all move coverage, the matrix and the summary. */
function useInvalidate(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['people', 'skills', 'summary', 'activity'].map((k) => queryClient.invalidateQueries({ queryKey: planKey(planId, k) })));
}

export function useCreatePerson(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (body: CreatePerson) => request(`/plans/${planId}/people`, PersonSchema, { method: 'POST', json: body }),
    onSuccess: invalidate,
  });
}

export function useDeletePerson(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (personId: string) => request(`/plans/${planId}/people/${personId}`, null, { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useCreateSkill(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (body: CreateSkill) => request(`/plans/${planId}/skills`, SkillSchema, { method: 'POST', json: body }),
    onSuccess: invalidate,
  });
}

export function useUpdateSkill(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSkill }) =>
      request(`/plans/${planId}/skills/${id}`, SkillSchema, { method: 'PATCH', json: body }),
    onSettled: invalidate,
  });
}

export function useDeleteSkill(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (skillId: string) => request(`/plans/${planId}/skills/${skillId}`, null, { method: 'DELETE' }),
    onSettled: invalidate,
  });
}

export function useCreateAssessment(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (body: CreateAssessment) => request(`/plans/${planId}/assessments`, AssessmentSchema, { method: 'POST', json: body }),
    onSettled: invalidate,
  });
}
