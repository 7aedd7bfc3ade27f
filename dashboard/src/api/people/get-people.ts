import { PersonSchema, ROUTES, pageOf, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, requestAll } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const PersonPage = pageOf(PersonSchema);

export const getPeople = (planId: string) => requestAll((offset, limit) => request(pathTo(ROUTES.people, { planId }, { offset, limit }), PersonPage));
export const peopleQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.people(planId), queryFn: () => getPeople(planId) });
export const usePeople = (planId: string) => useQuery(peopleQueryOptions(planId));
