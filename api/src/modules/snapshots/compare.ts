import type { GateKey, SnapshotComparison, SnapshotItems, SnapshotSummary } from '@handover/shared';

/** What `compare` reads from a snapshot: its frozen summary and the state of every item. */
export type ComparableSnapshot = { summary: SnapshotSummary; items: SnapshotItems };

const change = (from: number, to: number) => ({ from, to, delta: to - from });

/** Items on both sides whose status differs, in `after`'s order, with the status they had before. */
function moved<T extends { id: string; status: string }>(before: readonly T[], after: readonly T[]): Array<{ item: T; from: T['status'] }> {
  const was = new Map(before.map((x) => [x.id, x.status]));
  return after.flatMap((item) => {
    const from = was.get(item.id);
    return from !== undefined && from !== item.status ? [{ item, from }] : [];
  });
}

/**
 * What changed between two snapshots (`from` the older): readiness and its components, gates that
 * opened or closed, milestones completed or moved later, handovers and exit items that changed step,
 * the in-house share, and both forecasts. Items present on one side only are not "changes" except a milestone
 * created and completed in between, which is listed as completed.
 */
export function compareSnapshots(from: ComparableSnapshot, to: ComparableSnapshot): SnapshotComparison {
  const a = from.summary;
  const b = to.summary;

  const metBefore = new Map(a.gates.map((g) => [g.key, g.met]));
  const metAfter = new Map(b.gates.map((g) => [g.key, g.met]));
  const keys = [...new Set<GateKey>([...metAfter.keys(), ...metBefore.keys()])];
  const gatesChanged = keys
    .map((key) => ({ key, from: metBefore.get(key) ?? null, to: metAfter.get(key) ?? null }))
    .filter((g) => g.from !== g.to);

  const milestonesBefore = new Map(from.items.milestones.map((m) => [m.id, m]));
  const milestonesCompleted = to.items.milestones
    .filter((m) => m.status === 'done' && milestonesBefore.get(m.id)?.status !== 'done')
    .map((m) => ({ id: m.id, title: m.title, completedAt: m.completedAt }))
    .sort((x, y) => (x.completedAt ?? '').localeCompare(y.completedAt ?? '') || x.title.localeCompare(y.title));
  const milestonesSlipped = to.items.milestones
    .flatMap((m) => {
      const before = milestonesBefore.get(m.id);
      return before && m.dueDate > before.dueDate ? [{ id: m.id, title: m.title, dueFrom: before.dueDate, dueTo: m.dueDate }] : [];
    })
    .sort((x, y) => x.dueTo.localeCompare(y.dueTo) || x.title.localeCompare(y.title));

  const handoversMoved = moved(from.items.handovers, to.items.handovers).map(({ item, from: was }) => ({ id: item.id, title: item.title, from: was, to: item.status }));
  const exitItemsMoved = moved(from.items.exitItems, to.items.exitItems).map(({ item, from: was }) => ({ id: item.id, name: item.name, from: was, to: item.status }));

  const components = a.readiness.components;
  const next = b.readiness.components;
  return {
    readiness: {
      ...change(a.readiness.score, b.readiness.score),
      components: {
        milestones: change(components.milestones, next.milestones),
        skills: change(components.skills, next.skills),
        posts: change(components.posts, next.posts),
        handovers: change(components.handovers, next.handovers),
      },
    },
    gatesChanged,
    milestonesCompleted,
    milestonesSlipped,
    handoversMoved,
    exitItemsMoved,
    share: { from: a.posts.window.inHouseShare, to: b.posts.window.inHouseShare },
    forecast: { from: a.forecast.projectedExitDate, to: b.forecast.projectedExitDate },
    exitForecast: { from: a.exitForecast?.projectedExitDate ?? null, to: b.exitForecast?.projectedExitDate ?? null },
  };
}
