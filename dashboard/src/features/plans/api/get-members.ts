import { MemberSchema } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../../lib/api-client';
import { planKey } from '../../../lib/query-keys';

const MemberList = z.object({ items: z.array(MemberSchema) });

export const getMembers = (planId: string) => request(`/plans/${planId}/members?limit=200`, MemberList);
export const membersQueryOptions = (planId: string) => queryOptions({ queryKey: planKey(planId, 'members'), queryFn: () => getMembers(planId) });
export const useMembers = (planId: string) => useQuery(membersQueryOptions(planId));
