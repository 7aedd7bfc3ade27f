import { PersonSchema, pageOf } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const PersonPage = pageOf(PersonSchema);

export const getPeople = (planId: string) => requestAll((offset, limit) => request(`/plans/${planId}/people`, PersonPage, { query: { offset, limit } }));
export const peopleQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'people'), queryFn: () => getPeople(planId) });
export const usePeople = (planId: string) => useQuery(peopleQueryOptions(planId));
