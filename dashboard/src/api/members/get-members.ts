import { MemberSchema, ROUTES, pathTo } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../lib/api-client';
import { queryKeys } from '../query-keys';

const MemberList = z.object({ items: z.array(MemberSchema) });

export const getMembers = (planId: string) => request(pathTo(ROUTES.members, { planId }, { limit: 200 }), MemberList);
export const membersQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.members(planId), queryFn: () => getMembers(planId) });
export const useMembers = (planId: string) => useQuery(membersQueryOptions(planId));
