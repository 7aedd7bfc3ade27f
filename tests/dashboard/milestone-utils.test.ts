import { CreateMilestoneSchema, PLAN_PERMISSIONS, can, type PlanPermission } from '@handover/shared';
import {
  emptyMilestoneValues,
  isOverdue,
  milestoneToValues,
  openDependencies,
  toCreateMilestone,
  toUpdateMilestone,
} from '../../dashboard/src/features/milestones/utils/milestones';
import { allowedMoves, ladderCounts } from '../../dashboard/src/features/handovers/utils/ladder';
import { planNav } from '../../dashboard/src/app/nav';
import { roleIn } from '../../dashboard/src/lib/permissions';
import { aMilestone } from './support/fixtures';

const base = aMilestone({ title: 'Launch Slack', owner: 'Ana', weight: 2, version: 3 });

describe('milestone form values', () => {
  it('When optional text is blank, then the payload carries null and passes the shared schema', () => {
    const body = toCreateMilestone({ ...emptyMilestoneValues(), title: 'Pilot', dueDate: '2026-04-01', weight: '4' });
    expect(body).toEqual({ title: 'Pilot', description: null, phase: 'internal_network', owner: null, dueDate: '2026-04-01', status: 'planned', weight: 4, dependsOn: [] });
    expect(CreateMilestoneSchema.safeParse(body).success).toBe(true);
  });

  it('When the weight is blank, then the shared schema refuses it on the weight field', () => {
    const result = CreateMilestoneSchema.safeParse(toCreateMilestone({ ...emptyMilestoneValues(), title: 'x', dueDate: '2026-04-01', weight: '' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('weight');
  });

  it('When only the title changed, then the patch holds only the title', () => {
    expect(toUpdateMilestone({ ...milestoneToValues(base), title: 'Launch Slack everywhere' }, base)).toEqual({ title: 'Launch Slack everywhere' });
  });

  it('When dependencies are reordered but the same, then nothing is sent for them', () => {
    const m = { ...base, dependsOn: ['a', 'b'] };
    expect(toUpdateMilestone({ ...milestoneToValues(m), dependsOn: ['b', 'a'] }, m)).toEqual({});
  });

  it('When the owner is cleared, then the patch sets it to null', () => {
    expect(toUpdateMilestone({ ...milestoneToValues(base), owner: '  ' }, base)).toEqual({ owner: null });
  });

  it('When a milestone is due before today and not done, then it is overdue; done never is', () => {
    expect(isOverdue(base, '2026-03-02')).toBe(true);
    expect(isOverdue(base, '2026-03-01')).toBe(false);
    expect(isOverdue({ ...base, status: 'done' }, '2027-01-01')).toBe(false);
  });

  it('When a dependency is not done, then it is listed as open', () => {
    const dep = { ...base, id: '22222222-2222-4222-8222-222222222222', title: 'Dep', status: 'in_progress' as const };
    const done = { ...base, id: '33333333-3333-4333-8333-333333333333', status: 'done' as const };
    expect(openDependencies({ dependsOn: [dep.id, done.id] }, [dep, done]).map((m) => m.title)).toEqual(['Dep']);
  });
});

describe('roles', () => {
  it('When agency staff look at a handover in reverse shadowing, then they may move it up to in-house but not back', () => {
    expect(allowedMoves('reverse_shadowing', 'agency').map((m) => m.to)).toEqual(['in_house']);
    expect(allowedMoves('in_house', 'agency')).toEqual([]);
  });

  it('When a lead looks at an in-house handover, then they may accept or move it back; an accepted one can be reopened', () => {
    expect(allowedMoves('in_house', 'lead').map((m) => [m.kind, m.to])).toEqual([
      ['accept', 'accepted'],
      ['back', 'reverse_shadowing'],
    ]);
    expect(allowedMoves('accepted', 'lead').map((m) => m.label)).toEqual(['Reopen']);
    expect(allowedMoves('agency', 'executive')).toEqual([]);
  });

  it('When handovers are counted, then every step of the ladder appears', () => {
    expect(ladderCounts([{ status: 'agency' }, { status: 'agency' }, { status: 'accepted' }]).map((c) => c.count)).toEqual([2, 0, 0, 0, 1]);
  });

  it('When the navigation is built, then it lists every page the role may read, and leads see everything', () => {
    const labels = (role: Parameters<typeof planNav>[1]) => planNav('p', role).map((i) => i.label);
    // Every page a role may read is listed: executives read the posts, agency staff the milestones and skills.
    // Import posts only where the role may import; the roster and the Exit page are read by every member.
    expect(labels('executive')).toEqual(['Overview', 'Status', 'Milestones', 'Skills & people', 'Handovers', 'Exit', 'Posts', 'Roster', 'Activity', 'Members']);
    expect(labels('agency')).toEqual(['Overview', 'Status', 'Milestones', 'Skills & people', 'Handovers', 'Exit', 'Posts', 'Import posts', 'Roster', 'Members']);
    expect(labels('lead')).toEqual(['Overview', 'Status', 'Milestones', 'Skills & people', 'Handovers', 'Exit', 'Posts', 'Import posts', 'Roster', 'Activity', 'Members', 'Receivers', 'Webhooks']);
    expect(labels('admin')).toEqual(labels('lead'));
  });

  it('When the user is an admin, then they act as lead in every plan', () => {
    const me = { user: { id: 'u', email: 'a@b.c', name: 'A', isAdmin: true, active: true, createdAt: '2026-01-01T00:00:00.000Z' }, memberships: [] };
    expect(roleIn(me, 'any')).toBe('admin');
    expect(roleIn({ ...me, user: { ...me.user, isAdmin: false } }, 'any')).toBeNull();
    for (const permission of Object.keys(PLAN_PERMISSIONS) as PlanPermission[]) expect(can('admin', permission)).toBe(can('lead', permission));
    expect(allowedMoves('in_house', 'admin')).toEqual(allowedMoves('in_house', 'lead'));
    expect(can('executive', 'edit')).toBe(false);
    expect(can('agency', 'recordPosts')).toBe(true);
    expect(can('agency', 'recordAnySource')).toBe(false);
  });
});
