import type { LoggedEntry } from '../../../api/src/db/repositories/activity.repository';
import { isApproximate, type RowStamp } from '../../../api/src/modules/snapshots/approximate';

// When history cannot rebuild a day exactly (docs/domain.md#status-over-time).
const ASOF = '2026-03-08';
const CUTOFF = '2026-03-09T00:00:00.000Z';
const AFTER = '2026-03-10T10:00:00.000Z';
const BEFORE = '2026-03-05T10:00:00.000Z';

const entry = (over: Partial<LoggedEntry>): LoggedEntry => ({ at: AFTER, action: 'update', entity: 'milestone', entityId: 'm1', changes: {}, ...over });
const row = (over: Partial<RowStamp> = {}): RowStamp => ({ entity: 'milestone', id: 'm1', createdAt: BEFORE, updatedAt: BEFORE, ...over });

describe('isApproximate', () => {
  test('When nothing happened since the day, then it is exact', () => {
    expect(isApproximate(CUTOFF, ASOF, [], [row()])).toBe(false);
  });

  test('When every change since was logged with from and to, then it is exact', () => {
    const logged = entry({ changes: { dueDate: { from: '2026-03-01', to: '2026-04-01' } } });
    expect(isApproximate(CUTOFF, ASOF, [logged], [row({ updatedAt: AFTER })])).toBe(false);
  });

  test('When a handover moved since (a transition, with its note), then it is exact', () => {
    const moved = entry({ action: 'transition', entity: 'handover', entityId: 'h1', changes: { status: { from: 'agency', to: 'shadowing' }, note: 'ok' } });
    expect(isApproximate(CUTOFF, ASOF, [moved], [row({ entity: 'handover', id: 'h1', updatedAt: AFTER })])).toBe(false);
  });

  test.each(['milestone', 'handover', 'skill', 'person', 'post', 'adoption'])('When a %s was deleted since, then it is approximate', (entity) => {
    expect(isApproximate(CUTOFF, ASOF, [entry({ action: 'delete', entity })], [])).toBe(true);
  });

  test('When the deletion was before the day ended, then it is exact', () => {
    expect(isApproximate(CUTOFF, ASOF, [entry({ action: 'delete', at: BEFORE })], [])).toBe(false);
  });

  test('When an adoption week up to the day was replaced since, then it is approximate; a later week does not matter', () => {
    expect(isApproximate(CUTOFF, ASOF, [entry({ action: 'replace', entity: 'adoption', entityId: '2026-03-02' })], [])).toBe(true);
    expect(isApproximate(CUTOFF, ASOF, [entry({ action: 'replace', entity: 'adoption', entityId: '2026-03-09' })], [])).toBe(false);
  });

  test('When the plan targets changed since, then it is approximate; a rename is not', () => {
    const targets = entry({ entity: 'plan', entityId: 'p', changes: { targets: { from: {}, to: {} } } });
    const renamed = entry({ entity: 'plan', entityId: 'p', changes: { name: { from: 'a', to: 'b' } } });
    expect(isApproximate(CUTOFF, ASOF, [targets], [])).toBe(true);
    expect(isApproximate(CUTOFF, ASOF, [renamed], [])).toBe(false);
  });

  test('When an edit was logged without from and to, then it is approximate', () => {
    expect(isApproximate(CUTOFF, ASOF, [entry({ changes: { dueDate: '2026-04-01' } })], [row({ updatedAt: AFTER })])).toBe(true);
  });

  test('When a row that existed then changed with no log entry since, then it is approximate; a row created since does not count', () => {
    expect(isApproximate(CUTOFF, ASOF, [], [row({ updatedAt: AFTER })])).toBe(true);
    expect(isApproximate(CUTOFF, ASOF, [], [row({ createdAt: AFTER, updatedAt: AFTER })])).toBe(false);
  });
});
