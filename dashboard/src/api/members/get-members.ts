import { MemberSchema, ROUTES, pathTo, type Member } from '@handover/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../lib/api-client';
import { emailName } from '../../lib/format';
import { queryKeys } from '../query-keys';

const MemberList = z.object({ items: z.array(MemberSchema) });

export const getMembers = (planId: string) => request(pathTo(ROUTES.members, { planId }, { limit: 200 }), MemberList);
export const membersQueryOptions = (planId: string) => queryOptions({ queryKey: queryKeys.members(planId), queryFn: () => getMembers(planId) });
export const useMembers = (planId: string) => useQuery(membersQueryOptions(planId));

/** Who did something, as people know them: the member's name, else the email's local part. */
export const actorName = (members: readonly Member[] | undefined, actor: { id: string; email: string }): string =>
  members?.find((m) => m.userId === actor.id)?.name ?? emailName(actor.email);

/** `actorName` over the plan's members (every member may read them). */
export function useActorName(planId: string): (actor: { id: string; email: string }) => string {
  const members = useMembers(planId);
  return (actor) => actorName(members.data?.items, actor);
}
