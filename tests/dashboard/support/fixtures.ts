import type { Handover, HandoverStatus, Member, Milestone, Plan, Summary } from '@handover/shared';

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
  baselineDueDate: null,
  slipDays: null,
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
  exitedAt: null,
  exitOverrideReason: null,
  version: 2,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...over,
});

export const aMember = (userId: string, name: string, role: Member['role'], email = `${name.split(' ')[0]!.toLowerCase()}@example.org`): Member => ({ userId, name, email, role, accessUntil: null, effectiveAccessUntil: null });

/** A summary as the API returns it: two of six gates met, the exit dated and limited by milestones. */
export const aSummary = (over: Partial<Summary> = {}): Summary => ({
  asOf: '2026-11-29',
  milestones: { total: 30, done: 17, overdue: 3, blocked: 1, progress: 0.6 },
  skills: { required: 20, gap: 1, closedShare: 0.95 },
  posts: { window: { from: '2026-11-01', to: '2026-11-28', total: 200, inHouse: 160, inHouseShare: 0.8 } },
  handovers: { total: 10, byStatus: { agency: 2, shadowing: 2, reverse_shadowing: 2, in_house: 2, accepted: 2 }, acceptedShare: 0.2 },
  exitItems: { total: 6, byStatus: { listed: 1, access_shared: 1, ownership_transferred: 1, agency_removed: 1, verified: 2 }, verifiedShare: 1 / 3 },
  adoption: { latestShare: 0.7, latestWeekStart: '2026-11-16' },
  readiness: { score: 0.64, components: { milestones: 0.6, skills: 0.95, posts: 0.89, handovers: 0.2 } },
  gates: [
    { key: 'internal_network', met: true, detail: 'Internal adoption 70.8% in the week of 2026-11-16; target 60.0%.' },
    { key: 'skills_covered', met: true, detail: 'No gap on critical skills.' },
    { key: 'posts_share', met: false, detail: 'In-house share of the last 4 complete weeks below 90%.' },
    { key: 'handovers_accepted', met: false, detail: '2 of 10 handovers accepted.' },
    { key: 'milestones_done', met: false, detail: '17 of 30 milestones done, 3 overdue.' },
    { key: 'exit_items_verified', met: false, detail: '2 of 6 exit items verified.' },
  ],
  exitReady: false,
  forecast: { projectedExitDate: '2026-12-07', onTrack: true, intercept: 0.5, slope: 0.05, weeks: [] },
  exitForecast: {
    projectedExitDate: '2027-03-15',
    onTrack: false,
    limitedBy: 'milestones_done',
    components: {
      internal_network: '2026-11-29',
      skills_covered: '2026-11-29',
      posts_share: '2027-01-04',
      handovers_accepted: '2027-02-05',
      milestones_done: '2027-03-15',
      exit_items_verified: '2027-01-29',
    },
    undatedGates: [],
  },
  ...over,
});
