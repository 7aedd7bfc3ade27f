import type { Handover, HandoverStatus, Member, Milestone, Plan } from '@handover/shared';

/** The plan every fixture belongs to. */
export const PLAN = '00000000-0000-4000-8000-000000000000';
const CREATED = '2026-01-01T00:00:00.000Z';

/** A milestone as the API returns it; each test names only what it is about. */
export const aMilestone = (over: Partial<Milestone> = {}): Milestone => ({
  id: '11111111-1111-4111-8111-111111111111',
  planId: PLAN,
  title: 'Launch',
  description: null,
  phase: 'internal_network',
  owner: null,
  dueDate: '2026-03-01',
  status: 'planned',
  weight: 1,
  dependsOn: [],
  completedAt: null,
  version: 1,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
});

export const aHandover = (id: string, title: string, status: HandoverStatus): Handover => ({
  id,
  planId: PLAN,
  title,
  channel: 'instagram',
  description: null,
  status,
  targetDate: null,
  history: [],
  version: 1,
  createdAt: CREATED,
  updatedAt: CREATED,
});

/** One page of a list endpoint holding every item. */
export const listOf = (items: unknown[]) => ({ status: 200, body: { items, total: items.length, limit: 200, offset: 0 } });

export const aPlan = (over: Partial<Plan> = {}): Plan => ({
  id: PLAN,
  name: 'Taking our voice back',
  brand: 'Northwind Coffee',
  agencyName: 'Brightside Social',
  startDate: '2026-01-05',
  targetExitDate: '2026-12-31',
  contractEndDate: null,
  targets: { inHouseShare: 0.9, sustainWeeks: 4, internalAdoption: 0.6 },
  version: 2,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
});

export const aMember = (userId: string, name: string, role: Member['role'], email = `${name.split(' ')[0]!.toLowerCase()}@example.org`): Member => ({ userId, name, email, role });
