import { PHASE_LABELS, type Milestone } from '@handover/shared';
import { useMemo } from 'react';
import { useMilestones } from '../../../api/milestones/get-milestones';
import { Chart, type Series } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/states';
import { formatDate, percent } from '../../../lib/format';
import { overdueMilestones, phaseProgress } from '../utils/series';
import { CardQuery } from './card-query';

const TITLE = 'Milestones by phase';
const SERIES: Series[] = [
  { key: 'done', label: 'Done', color: 'var(--chart-done)', kind: 'bar', stackId: 's' },
  { key: 'in_progress', label: 'In progress', color: 'var(--chart-progress)', kind: 'bar', stackId: 's' },
  { key: 'blocked', label: 'Blocked', color: 'var(--chart-blocked)', kind: 'bar', stackId: 's' },
  { key: 'planned', label: 'Planned', color: 'var(--chart-planned)', kind: 'bar', stackId: 's' },
];

/** Progress in each phase by status, and the overdue list as of the day shown. */
export function MilestonesCard({ planId, asOf }: { planId: string; asOf: string }) {
  const milestones = useMilestones(planId, { asOf });
  return (
    <CardQuery title={TITLE} query={milestones}>
      {(items) => <MilestonesChart milestones={items} asOf={asOf} />}
    </CardQuery>
  );
}

function MilestonesChart({ milestones, asOf }: { milestones: Milestone[]; asOf: string }) {
  const rows = useMemo(() => phaseProgress(milestones), [milestones]);
  const overdue = useMemo(() => overdueMilestones(milestones, asOf), [milestones, asOf]);
  return (
    <ChartCard
      id="milestones"
      title={TITLE}
      summary={`${milestones.filter((m) => m.status === 'done').length} of ${milestones.length} done; ${overdue.length} overdue.`}
      columns={[
        { header: 'Phase', value: (r) => r.label },
        { header: 'Done', value: (r) => r.done, numeric: true },
        { header: 'In progress', value: (r) => r.in_progress, numeric: true },
        { header: 'Blocked', value: (r) => r.blocked, numeric: true },
        { header: 'Planned', value: (r) => r.planned, numeric: true },
        { header: 'Progress (by weight)', value: (r) => percent(r.progress), numeric: true },
      ]}
      rows={rows}
      table="milestones-by-phase"
    >
      {milestones.length === 0 ? (
        <EmptyState title="No milestones yet" />
      ) : (
        <Chart data={rows} categoryKey="label" layout="bars" height={200} categoryWidth={124} series={SERIES} label="Milestones in each phase by status" />
      )}
      <h3 style={{ marginTop: '1rem' }}>Overdue</h3>
      {overdue.length === 0 ? (
        <p className="muted">Nothing overdue.</p>
      ) : (
        <DataTable
          caption="Overdue milestones"
          captionHidden
          rows={overdue}
          rowKey={(m) => m.id}
          columns={[
            { key: 'title', header: 'Milestone', rowHeader: true, cell: (m) => m.title },
            { key: 'phase', header: 'Phase', cell: (m) => PHASE_LABELS[m.phase] },
            { key: 'due', header: 'Due', cell: (m) => formatDate(m.dueDate) },
            { key: 'late', header: 'Days late', numeric: true, cell: (m) => m.daysLate },
            { key: 'owner', header: 'Owner', cell: (m) => m.owner ?? '—' },
          ]}
        />
      )}
    </ChartCard>
  );
}
