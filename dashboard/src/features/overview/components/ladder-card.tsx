import type { Summary } from '@handover/shared';
import { useMemo } from 'react';
import { Chart, type Series } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { EmptyState } from '../../../components/ui/states';
import { percent } from '../../../lib/format';
import { ladderRows } from '../utils/series';

const SERIES: Series[] = [{ key: 'count', label: 'Handovers', color: 'var(--chart-in-house)', kind: 'bar' }];

/** How many handovers stand at each step of the ladder. */
export function LadderCard({ summary }: { summary: Summary }) {
  const rows = useMemo(() => ladderRows(summary.handovers.byStatus), [summary.handovers.byStatus]);
  return (
    <ChartCard
      id="ladder"
      title="Handover ladder"
      summary={`${summary.handovers.total} responsibilities; ${percent(summary.handovers.acceptedShare)} accepted by a lead.`}
      columns={[
        { header: 'Step', value: (r) => r.label },
        { header: 'Handovers', value: (r) => r.count, numeric: true },
      ]}
      rows={rows}
      table="handover-ladder"
    >
      {summary.handovers.total === 0 ? (
        <EmptyState title="No handovers logged yet" />
      ) : (
        <Chart data={rows} categoryKey="label" layout="bars" height={220} categoryWidth={124} series={SERIES} label="Number of handovers at each step of the ladder" />
      )}
    </ChartCard>
  );
}
