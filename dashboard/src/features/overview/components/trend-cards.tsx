import type { Plan, SnapshotListItem } from '@handover/shared';
import { useMemo } from 'react';
import { Chart, type Reference, type Series } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { formatDate, formatShortDate } from '../../../lib/format';
import { dateToDay, dayToDate, slipDays, slipRows, trendRows } from '../utils/snapshot-series';

const TREND_SERIES: Series[] = [{ key: 'readiness', label: 'Readiness', color: 'var(--chart-progress)', kind: 'line' }];
const SLIP_SERIES: Series[] = [{ key: 'projected', label: 'Earliest exit', color: 'var(--chart-forecast)', kind: 'line', dots: true }];
const POINTS_DOMAIN: [number, number] = [0, 100];
const points = (v: number) => `${v}%`;
const approx = (a: boolean) => (a ? 'approximate' : null);

/** Readiness week by week, from the weekly snapshots. */
export function ReadinessTrendCard({ snapshots }: { snapshots: SnapshotListItem[] }) {
  const rows = useMemo(() => trendRows(snapshots), [snapshots]);
  const first = rows[0];
  const last = rows.at(-1);
  const reading =
    first && last
      ? `Readiness ${points(first.readiness)} in the week of ${formatDate(first.weekStart)}, ${points(last.readiness)} in the week of ${formatDate(last.weekStart)}.`
      : 'No weekly snapshots yet.';
  return (
    <ChartCard
      id="readiness-trend"
      title="Readiness week by week"
      summary={reading}
      columns={[
        { header: 'Week of', value: (r) => r.weekStart, date: true },
        { header: 'Readiness', value: (r) => points(r.readiness), numeric: true },
        { header: 'Note', value: (r) => approx(r.approximate) },
      ]}
      rows={rows}
      table="readiness-trend"
    >
      <Chart
        emptyTitle="No weekly snapshots yet"
        data={rows}
        categoryKey="weekStart"
        height={200}
        label={`Readiness per week from ${formatDate(first?.weekStart)}, 0 to 100%`}
        formatCategory={formatShortDate}
        formatLeft={points}
        leftDomain={POINTS_DOMAIN}
        series={TREND_SERIES}
      />
    </ChartCard>
  );
}

/** The slip chart: where the earliest exit stood each week, against the target exit and the contract end. */
export function SlipCard({ snapshots, plan }: { snapshots: SnapshotListItem[]; plan: Plan }) {
  const origin = plan.startDate;
  const rows = useMemo(() => slipRows(snapshots, origin), [snapshots, origin]);
  const references = useMemo(() => {
    const refs: Reference[] = [];
    if (plan.targetExitDate) refs.push({ y: dateToDay(origin, plan.targetExitDate), label: `Target exit ${formatShortDate(plan.targetExitDate)}`, color: 'var(--chart-target)' });
    if (plan.contractEndDate) refs.push({ y: dateToDay(origin, plan.contractEndDate), label: `Contract end ${formatShortDate(plan.contractEndDate)}`, color: 'var(--chart-agency)' });
    return refs;
  }, [origin, plan.targetExitDate, plan.contractEndDate]);
  const moved = slipDays(rows);
  const latest = rows.findLast((r) => r.projectedDate !== null);
  const reading = latest
    ? `Earliest exit ${formatDate(latest.projectedDate)} in the week of ${formatDate(latest.weekStart)}${
        moved === null ? '' : moved === 0 ? ', where it started' : `, ${Math.abs(moved)} days ${moved > 0 ? 'later' : 'earlier'} than the first week shown`
      }.`
    : 'No week has an exit date yet.';
  return (
    <ChartCard
      id="slip"
      title="Earliest exit week by week"
      summary={reading}
      columns={[
        { header: 'Week of', value: (r) => r.weekStart, date: true },
        { header: 'Earliest exit', value: (r) => r.projectedDate, date: true },
        { header: 'Target exit', value: () => plan.targetExitDate, date: true },
        { header: 'Contract end', value: () => plan.contractEndDate, date: true },
        { header: 'Note', value: (r) => approx(r.approximate) },
      ]}
      rows={rows}
      table="exit-slip"
    >
      <Chart
        emptyTitle="No weekly snapshots yet"
        data={rows}
        categoryKey="weekStart"
        height={200}
        label="The earliest exit date each week, against the target exit and the contract end"
        formatCategory={formatShortDate}
        formatLeft={(v) => formatShortDate(dayToDate(origin, v))}
        leftDomain={['auto', 'auto']}
        series={SLIP_SERIES}
        references={references}
      />
    </ChartCard>
  );
}
