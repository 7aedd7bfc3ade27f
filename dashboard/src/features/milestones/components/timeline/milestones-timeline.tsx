import { useId, useState } from 'react';
import { useBaselines } from '../../../../api/baselines/get-baselines';
import { useMilestones } from '../../../../api/milestones/get-milestones';
import { Legend } from '../../../../components/chart/legend';
import { Notice } from '../../../../components/ui/notice';
import { ScrollRegion } from '../../../../components/ui/scroll-region';
import { EmptyState, QueryState } from '../../../../components/ui/states';
import { formatInstant, todayIso } from '../../../../lib/format';
import { useNotice } from '../../../../lib/notice';
import { buildTimeline } from '../../utils/timeline';
import { barSummary } from './bar-text';
import { TakeBaseline } from './take-baseline';
import { TimelineChart } from './timeline-chart';
import { TimelineTable } from './timeline-table';

const LEGEND = [
  { key: 'done', label: 'Done (✓)', color: 'var(--chart-done)', kind: 'bar' as const },
  { key: 'progress', label: 'In progress', color: 'var(--chart-progress)', kind: 'bar' as const },
  { key: 'planned', label: 'Planned', color: 'var(--chart-planned)', kind: 'bar' as const },
  { key: 'overdue', label: 'Blocked or overdue (!)', color: 'var(--chart-blocked)', kind: 'bar' as const },
  { key: 'today', label: 'Today', color: 'var(--text)', kind: 'line' as const, dashed: true },
];

/**
 * The milestones on a timeline, by phase (docs/domain.md#milestones-timeline), with the latest
 * baseline behind each bar; leads take a new baseline from here.
 */
export function MilestonesTimeline({ planId, planStart, canBaseline }: { planId: string; planStart: string; canBaseline: boolean }) {
  const milestones = useMilestones(planId);
  const baselines = useBaselines(planId);
  const notices = useNotice();
  const [active, setActive] = useState(0);
  const titleId = useId();
  const today = todayIso();
  const latest = baselines.data?.reduce<(typeof baselines.data)[number] | null>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), null) ?? null;
  return (
    <section className="card stack" aria-labelledby={titleId}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id={titleId}>Timeline</h2>
        {canBaseline ? <TakeBaseline planId={planId} onTaken={(text) => notices.setNotice({ kind: 'success', text })} /> : null}
      </div>
      <Notice notice={notices.notice} live focus />
      <p className="muted small" style={{ margin: 0 }}>
        {latest ? `Baseline: “${latest.name}”, taken ${formatInstant(latest.createdAt)}.` : 'No baseline yet: bars show no earlier due date.'}
      </p>
      <QueryState
        query={milestones}
        loadingLabel="Loading milestones…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="No milestones yet" />}
      >
        {(items) => {
          const timeline = buildTimeline(items, planStart, today);
          const current = timeline.bars[Math.min(active, timeline.bars.length - 1)];
          const titleOf = (id: string) => items.find((m) => m.id === id)?.title ?? 'a removed milestone';
          return (
            <>
              <div className="ms-timeline-legend">
                <Legend keys={LEGEND} />
                <p className="small" style={{ margin: 0 }}>
                  A bar runs from its start to its due date. Milestones have no start date: a bar starts when the latest milestone it depends on is due
                  (an arrow joins them), else at the plan’s start. The dashed outline behind a bar ends at the due date of the latest baseline.
                </p>
              </div>
              <ScrollRegion label="Milestones timeline">
                <TimelineChart timeline={timeline} today={today} active={active} onActive={setActive} titleId={titleId} />
              </ScrollRegion>
              <p className="ms-timeline__details small" aria-label="Selected milestone">
                {current ? barSummary(current) : null}
                <span className="muted"> · Tab to the chart, then arrow keys move between bars.</span>
              </p>
              <details>
                <summary>Show the timeline as a table</summary>
                <TimelineTable bars={timeline.bars} titleOf={titleOf} />
              </details>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
