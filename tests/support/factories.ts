import type { CreateMilestone, CreatePlan, Role } from '@handover/shared';
import type { TestApp, TestUser } from './app';

export function planInput(overrides: Partial<CreatePlan> = {}): CreatePlan {
  return {
    name: 'Voice back home',
    brand: 'Acme',
    agencyName: 'Loud & Co',
    startDate: '2026-01-05',
    targetExitDate: '2026-07-06',
    contractEndDate: '2026-09-30',
    ...overrides,
  };
}

export function milestoneInput(overrides: Partial<CreateMilestone> = {}): CreateMilestone {
  return { title: 'Roll out internal chat', phase: 'internal_network', dueDate: '2026-02-02', ...overrides };
}

export type PlanWorld = {
  planId: string;
  admin: TestUser;
  lead: TestUser;
  executive: TestUser;
  agency: TestUser;
  outsider: TestUser;
};

/** A plan with one user per role, plus a signed-in user who belongs to no plan. */
export async function planWorld(t: TestApp, admin?: TestUser): Promise<PlanWorld> {
  const a = admin ?? (await t.user({ isAdmin: true }));
  const res = await t.as(a.token).post('/api/v1/plans').send(planInput());
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
  const planId = res.body.id as string;
  const member = async (role: Role) => {
    const u = await t.user();
    const put = await t.as(a.token).put(`/api/v1/plans/${planId}/members/${u.id}`).send({ role });
    if (put.status !== 201) throw new Error(`member: ${put.status}`);
    return u;
  };
  return {
    planId,
    admin: a,
    lead: await member('lead'),
    executive: await member('executive'),
    agency: await member('agency'),
    outsider: await t.user(),
  };
}

export async function createMilestone(t: TestApp, token: string, planId: string, overrides: Partial<CreateMilestone> = {}) {
  const res = await t.as(token).post(`/api/v1/plans/${planId}/milestones`).send(milestoneInput(overrides));
  if (res.status !== 201) throw new Error(`milestone: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; status: string };
}
