import type { AdoptionSample, Plan } from '@handover/shared';
import { useMemo } from 'react';
import { useAdoption } from '../../../api/adoption/get-adoption';
import { Chart, type Series } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { formatDate, formatShortDate, percent } from '../../../lib/format';
import { adoptionRows } from '../utils/series';
import { AdoptionForm } from './adoption-form';
import { CardQuery } from './card-query';

const TITLE = 'Internal adoption';
const SERIES: Series[] = [{ key: 'share', label: 'Active share', color: 'var(--chart-in-house)', kind: 'line' }];
const SHARE_DOMAIN: [number, number] = [0, 1];
const formatShare = (v: number) => percent(v);

/** The weekly share of staff active on internal channels up to the day shown; leads record a week under the chart. */
export function AdoptionCard({ plan, canEdit, asOf }: { plan: Plan; canEdit: boolean; asOf: string }) {
  const adoption = useAdoption(plan.id, asOf);
  return (
    <CardQuery title={TITLE} query={adoption}>
      {(data) => <AdoptionChart samples={data.items} plan={plan} canEdit={canEdit} />}
    </CardQuery>
  );
}

function AdoptionChart({ samples, plan, canEdit }: { samples: AdoptionSample[]; plan: Plan; canEdit: boolean }) {
  const target = plan.targets.internalAdoption;
  const rows = useMemo(() => adoptionRows(samples, target), [samples, target]);
  const references = useMemo(() => [{ y: target, label: `Target ${percent(target)}`, color: 'var(--chart-target)' }], [target]);
  const latest = rows.at(-1);
  return (
    <ChartCard
      id="adoption"
      title={TITLE}
      summary={
        latest
          ? `${percent(latest.share)} of staff active on internal channels in the week of ${formatDate(latest.weekStart)} (target ${percent(target)}).`
          : 'No adoption samples recorded yet.'
      }
      columns={[
        { header: 'Week of', value: (r) => r.weekStart, date: true },
        { header: 'Active users', value: (r) => r.activeUsers, numeric: true },
        { header: 'Staff', value: (r) => r.totalStaff, numeric: true },
        { header: 'Share', value: (r) => percent(r.share, 1), numeric: true },
      ]}
      rows={rows}
      table="internal-adoption"
    >
      <Chart
        emptyTitle="No adoption samples yet"
        data={rows}
        categoryKey="weekStart"
        height={240}
        label="Weekly share of staff active on internal channels, with the target"
        formatCategory={formatShortDate}
        formatLeft={formatShare}
        leftDomain={SHARE_DOMAIN}
        series={SERIES}
        references={references}
      />
      {canEdit ? (
        <details className="no-print" style={{ marginTop: '0.5rem' }}>
          <summary>Record a week</summary>
          <AdoptionForm planId={plan.id} />
        </details>
      ) : null}
    </ChartCard>
  );
}
