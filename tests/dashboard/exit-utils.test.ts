import { gateLabel } from '@handover/shared';
import { agencyMembersWithAccess, exitConsequences, gateNames, openGateKeys } from '../../dashboard/src/features/exit/utils/exit-action';
import { checklistSummary, exitMoves, groupByKind, isOverdue, writesAllowed } from '../../dashboard/src/features/exit/utils/exit-items';
import { anExitItem } from './support/exit';
import { aMember } from './support/fixtures';

describe('Exit page rules', () => {
  it('When moves are offered, then agency staff go up to "agency removed", only leads verify and move back', () => {
    expect(exitMoves('listed', 'agency').map((m) => m.to)).toEqual(['access_shared']);
    expect(exitMoves('ownership_transferred', 'agency').map((m) => m.to)).toEqual(['agency_removed']);
    expect(exitMoves('agency_removed', 'agency')).toEqual([]);
    expect(exitMoves('agency_removed', 'lead').map((m) => [m.kind, m.to])).toEqual([
      ['verify', 'verified'],
      ['back', 'ownership_transferred'],
    ]);
    expect(exitMoves('verified', 'admin').map((m) => m.label)).toEqual(['Back to agency removed']);
    expect(exitMoves('listed', 'executive')).toEqual([]);
    expect(exitMoves('listed', null)).toEqual([]);
  });

  it('When the plan is exited, then only agency staff lose their writes', () => {
    expect(writesAllowed('agency', true)).toBe(false);
    expect(writesAllowed('agency', false)).toBe(true);
    expect(writesAllowed('lead', true)).toBe(true);
  });

  it('When items are summarised, then verified ones are counted and the rest named by due date, undated last', () => {
    expect(checklistSummary([])).toBe('No items listed yet: the exit needs at least one, and every one verified.');
    const a = anExitItem(1, 'A', 'other', 'listed');
    const b = anExitItem(2, 'B', 'contract', 'listed', { dueDate: '2026-12-01' });
    const c = anExitItem(3, 'C', 'other', 'verified', { dueDate: '2026-01-01' });
    expect(checklistSummary([a, b, c])).toBe('1 of 3 items verified; blocking: “B” and “A”.');
    expect(checklistSummary([c])).toBe('1 of 1 item verified; nothing blocking.');
    expect(groupByKind([a, b, c]).map((g) => [g.label, g.items.map((i) => i.name)])).toEqual([
      ['Contracts', ['B']],
      ['Other', ['A', 'C']],
    ]);
  });

  it('When an item is past its due date, then it is overdue unless verified', () => {
    expect(isOverdue({ dueDate: '2026-11-01', status: 'listed' }, '2026-11-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-02', status: 'listed' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-01', status: 'verified' }, '2026-11-02')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'listed' }, '2026-11-02')).toBe(false);
  });

  it('When the consequences are listed, then they count the agency members with access today, in words for one and for none', () => {
    const agency = aMember('00000000-0000-4000-8000-0000000000b1', 'Ana', 'agency');
    const gone = { ...aMember('00000000-0000-4000-8000-0000000000b2', 'Bo', 'agency'), effectiveAccessUntil: '2026-11-02' };
    const lead = aMember('00000000-0000-4000-8000-0000000000b3', 'Lena', 'lead');
    expect(agencyMembersWithAccess([agency, gone, lead], '2026-11-02')).toBe(1);
    expect(agencyMembersWithAccess([agency, gone, lead], '2026-11-01')).toBe(2);
    expect(exitConsequences('2026-11-02', 1)[1]).toBe('1 agency member loses access at once: the plan is gone from their list.');
    expect(exitConsequences('2026-11-02', 0)[1]).toBe('No agency member has access left to lose.');
    expect(exitConsequences('2026-11-02', 3)[0]).toBe('The exit is recorded as done today, 2 Nov 2026.');
  });

  it('When gates are named, then a key without a label reads as itself', () => {
    expect(openGateKeys([{ key: 'posts_share', met: false }, { key: 'skills_covered', met: true }])).toEqual(['posts_share']);
    expect(gateNames(['posts_share', 'a_gate_from_the_future'])).toEqual(['In-house share sustained', 'a_gate_from_the_future']);
    expect(gateLabel('milestones_done')).toBe('Every milestone done');
  });
});
