import { SOURCE_LABELS, type Plan, type SharePoint, type Summary } from '@handover/shared';
import { useMemo } from 'react';
import { useWeeklyShare } from '../../../api/posts/get-weekly-share';
import { Chart, type Series } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { formatDate, formatShortDate, percent } from '../../../lib/format';
import { postsSeries, shareWindowStart } from '../utils/series';
import { CardQuery } from './card-query';

const TITLE = 'Posts per week: agency vs in-house';
const SERIES: Series[] = [
  { key: 'agency', label: SOURCE_LABELS.agency, color: 'var(--chart-agency)', kind: 'bar', stackId: 'posts' },
  { key: 'coAuthored', label: SOURCE_LABELS.co_authored, color: 'var(--chart-co-authored)', kind: 'bar', stackId: 'posts' },
  { key: 'inHouse', label: SOURCE_LABELS.in_house, color: 'var(--chart-in-house)', kind: 'bar', stackId: 'posts' },
  { key: 'share', label: 'In-house share', color: 'var(--chart-share)', kind: 'line', axis: 'right' },
  { key: 'forecast', label: 'In-house share trend', color: 'var(--chart-forecast)', kind: 'line', axis: 'right', dashed: true },
];
const SHARE_DOMAIN: [number, number] = [0, 1];
const formatShare = (v: number) => percent(v);

/**
 * Weekly posts stacked by who made them up to the day shown, with the in-house share against its
 * target and its trend. The trend is the share's alone: the exit waits for every gate.
 */
export function PostsCard({ summary, plan }: { summary: Summary; plan: Plan }) {
  const share = useWeeklyShare(plan.id, shareWindowStart(plan.startDate, summary.asOf), summary.asOf);
  return (
    <CardQuery title={TITLE} query={share}>
      {(data) => <PostsChart points={data.points} plan={plan} summary={summary} />}
    </CardQuery>
  );
}

function PostsChart({ points, plan, summary }: { points: SharePoint[]; plan: Plan; summary: Summary }) {
  const target = plan.targets.inHouseShare;
  const horizon = plan.targetExitDate > summary.asOf ? plan.targetExitDate : summary.asOf;
  // Shaped once per answer (docs/architecture.md#deferred-rendering): the drawing and the table read the same rows.
  const rows = useMemo(() => postsSeries(points, summary.forecast, target, horizon), [points, summary.forecast, target, horizon]);
  const references = useMemo(() => [{ y: target, label: `Target ${percent(target)}`, color: 'var(--chart-target)', axis: 'right' as const }], [target]);
  const latest = rows.findLast((r) => r.share !== null);
  const reaches = summary.forecast.projectedExitDate;
  return (
    <ChartCard
      id="posts"
      title={TITLE}
      summary={`Bars count posts by who made them; the solid line is the in-house share against the ${percent(target)} target, the dashed line its trend${
        reaches ? ` (in-house share reaches target ${formatDate(reaches)})` : ''
      }. ${latest ? `Latest week with posts: ${percent(latest.share)} in-house.` : 'No posts recorded yet.'} Last 28 days: ${percent(
        summary.posts.window.inHouseShare,
      )} of ${summary.posts.window.total} posts.`}
      columns={[
        { header: 'Week of', value: (r) => r.weekStart, date: true },
        { header: SOURCE_LABELS.agency, value: (r) => r.agency, numeric: true },
        { header: SOURCE_LABELS.co_authored, value: (r) => r.coAuthored, numeric: true },
        { header: SOURCE_LABELS.in_house, value: (r) => r.inHouse, numeric: true },
        { header: 'In-house share', value: (r) => (r.share === null ? null : percent(r.share, 1)), numeric: true },
        { header: 'In-house share trend', value: (r) => (r.forecast === null ? null : percent(r.forecast, 1)), numeric: true },
        { header: 'Target', value: (r) => percent(r.target), numeric: true },
      ]}
      rows={rows}
      table="posts-per-week"
    >
      <Chart
        emptyTitle="No weeks to show yet"
        data={rows}
        categoryKey="weekStart"
        label={`Stacked weekly posts from ${formatDate(rows[0]?.weekStart)} with the in-house share, its target and its projected trend`}
        formatCategory={formatShortDate}
        formatRight={formatShare}
        rightDomain={SHARE_DOMAIN}
        series={SERIES}
        references={references}
      />
    </ChartCard>
  );
}
