import { SnapshotComparisonSchema } from '@handover/shared';
import { compareSnapshots } from '../../../api/src/modules/snapshots/compare';
import { snapshot, summary, uuid } from './snapshot-fixtures';

const milestone = (n: number, status: 'planned' | 'in_progress' | 'blocked' | 'done', dueDate: string, completedAt: string | null = null) => ({
  id: uuid(n),
  title: `Milestone ${n}`,
  status,
  dueDate,
  weight: 1,
  completedAt,
});

test('When nothing changed, then the comparison lists no changes and zero deltas', () => {
  const a = snapshot({ items: { milestones: [milestone(1, 'planned', '2026-04-01')], handovers: [{ id: uuid(20), title: 'Instagram', status: 'agency' }] } });
  const result = compareSnapshots(a, a);
  expect(SnapshotComparisonSchema.parse(result)).toEqual(result);
  expect(result).toMatchObject({ gatesChanged: [], milestonesCompleted: [], milestonesSlipped: [], handoversMoved: [], exitItemsMoved: [] });
  expect(result.readiness).toMatchObject({ from: 0.5, to: 0.5, delta: 0 });
});

test('When readiness moved, then the score and each component show from, to and delta', () => {
  const a = snapshot({ summary: summary({ score: 0.5, components: { milestones: 0.25, skills: 0.5, posts: 0.75, handovers: 0.5 } }) });
  const b = snapshot({ summary: summary({ score: 0.625, components: { milestones: 0.5, skills: 0.5, posts: 1, handovers: 0.5 } }) });
  expect(compareSnapshots(a, b).readiness).toEqual({
    from: 0.5,
    to: 0.625,
    delta: 0.125,
    components: {
      milestones: { from: 0.25, to: 0.5, delta: 0.25 },
      skills: { from: 0.5, to: 0.5, delta: 0 },
      posts: { from: 0.75, to: 1, delta: 0.25 },
      handovers: { from: 0.5, to: 0.5, delta: 0 },
    },
  });
});

test('When gates opened or closed, then only those are listed with their met before and after', () => {
  const a = snapshot({ summary: summary({ met: { internal_network: true, posts_share: true } }) });
  const b = snapshot({ summary: summary({ met: { internal_network: true, handovers_accepted: true } }) });
  expect(compareSnapshots(a, b).gatesChanged).toEqual([
    { key: 'posts_share', from: true, to: false },
    { key: 'handovers_accepted', from: false, to: true },
  ]);
});

test('When a gate exists on one side only, then the other side is null', () => {
  const a = snapshot();
  const b = snapshot();
  a.summary.gates = a.summary.gates.filter((g) => g.key !== 'skills_covered');
  expect(compareSnapshots(a, b).gatesChanged).toEqual([{ key: 'skills_covered', from: null, to: false }]);
});

test('When milestones were completed (also one created in between), then they are listed by completion time', () => {
  const a = snapshot({ items: { milestones: [milestone(1, 'in_progress', '2026-03-01'), milestone(2, 'planned', '2026-03-05'), milestone(3, 'done', '2026-02-01', '2026-02-01T09:00:00.000Z')] } });
  const b = snapshot({
    items: {
      milestones: [
        milestone(1, 'done', '2026-03-01', '2026-03-04T12:00:00.000Z'),
        milestone(2, 'done', '2026-03-05', '2026-03-03T12:00:00.000Z'),
        milestone(3, 'done', '2026-02-01', '2026-02-01T09:00:00.000Z'),
        milestone(4, 'done', '2026-03-06', '2026-03-06T08:00:00.000Z'),
      ],
    },
  });
  expect(compareSnapshots(a, b).milestonesCompleted).toEqual([
    { id: uuid(2), title: 'Milestone 2', completedAt: '2026-03-03T12:00:00.000Z' },
    { id: uuid(1), title: 'Milestone 1', completedAt: '2026-03-04T12:00:00.000Z' },
    { id: uuid(4), title: 'Milestone 4', completedAt: '2026-03-06T08:00:00.000Z' },
  ]);
});

test('When due dates moved later, then those milestones slipped; earlier or unchanged dates and removed milestones do not count', () => {
  const a = snapshot({ items: { milestones: [milestone(1, 'planned', '2026-03-01'), milestone(2, 'planned', '2026-04-01'), milestone(3, 'planned', '2026-05-01'), milestone(5, 'planned', '2026-01-01')] } });
  const b = snapshot({ items: { milestones: [milestone(1, 'planned', '2026-03-15'), milestone(2, 'planned', '2026-03-20'), milestone(3, 'planned', '2026-05-01'), milestone(4, 'planned', '2026-09-01')] } });
  expect(compareSnapshots(a, b).milestonesSlipped).toEqual([{ id: uuid(1), title: 'Milestone 1', dueFrom: '2026-03-01', dueTo: '2026-03-15' }]);
});

test('When handovers changed step (forward or back), then they are listed; new ones are not', () => {
  const a = snapshot({ items: { handovers: [{ id: uuid(20), title: 'Instagram', status: 'shadowing' }, { id: uuid(21), title: 'TikTok', status: 'in_house' }, { id: uuid(22), title: 'X', status: 'agency' }] } });
  const b = snapshot({
    items: {
      handovers: [
        { id: uuid(20), title: 'Instagram', status: 'reverse_shadowing' },
        { id: uuid(21), title: 'TikTok', status: 'shadowing' },
        { id: uuid(22), title: 'X', status: 'agency' },
        { id: uuid(23), title: 'LinkedIn', status: 'agency' },
      ],
    },
  });
  expect(compareSnapshots(a, b).handoversMoved).toEqual([
    { id: uuid(20), title: 'Instagram', from: 'shadowing', to: 'reverse_shadowing' },
    { id: uuid(21), title: 'TikTok', from: 'in_house', to: 'shadowing' },
  ]);
});

test('When the share and forecasts moved, then both sides are reported; a snapshot without an exit forecast gives null', () => {
  const exitForecast = { projectedExitDate: '2026-09-07', onTrack: false, limitedBy: 'milestones_done' as const, components: {}, undatedGates: [] };
  const a = snapshot({ summary: summary({ share: 0.6, forecast: '2026-06-01' }) });
  const b = snapshot({ summary: summary({ share: 0.72, forecast: '2026-05-18', exitForecast }) });
  expect(compareSnapshots(a, b)).toMatchObject({
    share: { from: 0.6, to: 0.72 },
    forecast: { from: '2026-06-01', to: '2026-05-18' },
    exitForecast: { from: null, to: '2026-09-07' },
  });
});

test('When exit items changed step (forward or back), then they are listed with their names; new ones and a snapshot without a checklist are not', () => {
  const a = snapshot({
    items: {
      exitItems: [
        { id: uuid(30), name: 'Meta ad account', status: 'access_shared' },
        { id: uuid(31), name: 'Instagram', status: 'verified' },
        { id: uuid(32), name: 'Canva templates', status: 'listed' },
      ],
    },
  });
  const b = snapshot({
    items: {
      exitItems: [
        { id: uuid(30), name: 'Meta ad account', status: 'ownership_transferred' },
        { id: uuid(31), name: 'Instagram', status: 'agency_removed' },
        { id: uuid(32), name: 'Canva templates', status: 'listed' },
        { id: uuid(33), name: 'Link in bio', status: 'access_shared' },
      ],
    },
  });
  expect(compareSnapshots(a, b).exitItemsMoved).toEqual([
    { id: uuid(30), name: 'Meta ad account', from: 'access_shared', to: 'ownership_transferred' },
    { id: uuid(31), name: 'Instagram', from: 'verified', to: 'agency_removed' },
  ]);
  expect(compareSnapshots(snapshot(), b).exitItemsMoved).toEqual([]);
});
