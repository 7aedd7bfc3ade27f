import type { Plan } from '@handover/shared';
import { lazy, Suspense } from 'react';
import { useSummary } from '../../../api/summary/get-summary';
import { DownloadName } from '../../../components/chart/download-name';
import { ErrorState, Loading } from '../../../components/ui/states';
import { todayIso } from '../../../lib/format';
import { AdoptionCard } from './adoption-card';
import { CoverageCard } from './coverage-card';
import { ExitDatesCard } from './exit-dates-card';
import { GatesCard } from './gates-card';
import { HeatMapCard } from './heat-map-card';
import { LadderCard } from './ladder-card';
import { MilestonesCard } from './milestones-card';
import { PostsCard } from './posts-card';
import { ReadinessCard } from './readiness-card';
import { VerdictLine } from './verdict-line';

// The snapshots' part is a chunk of its own: the first page does not carry it (docs/architecture.md#deferred-rendering).
const StatusSection = lazy(() => import('./status-section'));

/**
 * The executive view: the verdict first, then each card, which loads its own data. Every card asks
 * for the summary's day, so all of them show the plan as it stood then (docs/domain.md#as-of).
 */
export function OverviewView({
  plan,
  canReadMatrix,
  canEdit,
  canRecordStatus = false,
  asOf,
}: {
  plan: Plan;
  canReadMatrix: boolean;
  canEdit: boolean;
  canRecordStatus?: boolean;
  asOf?: string;
}) {
  const summary = useSummary(plan.id, asOf);
  if (summary.isPending) return <Loading label="Loading the overview…" />;
  if (summary.isError) return <ErrorState error={summary.error} title="The overview could not be loaded" onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const isToday = s.asOf === todayIso();
  return (
    <DownloadName.Provider value={{ planName: plan.name, date: s.asOf }}>
      <div className="stack">
        <VerdictLine summary={s} plan={plan} isToday={isToday} />
        <div className="grid">
          <ReadinessCard summary={s} />
          <GatesCard summary={s} />
          <ExitDatesCard summary={s} plan={plan} isToday={isToday} />
        </div>
        {/* Snapshots are the weeks as they were recorded: they read the same whatever day is shown. */}
        <Suspense fallback={<Loading label="Loading the status over time…" />}>
          <StatusSection plan={plan} canRecordStatus={canRecordStatus} />
        </Suspense>
        <PostsCard summary={s} plan={plan} />
        <div className="grid grid--wide">
          <MilestonesCard planId={plan.id} asOf={s.asOf} />
          <LadderCard summary={s} />
        </div>
        {/* The heat map has a column per skill: it gets the page's whole width, so a desktop shows every column. */}
        <HeatMapCard planId={plan.id} canRead={canReadMatrix} asOf={s.asOf} />
        <div className="grid grid--wide">
          <CoverageCard planId={plan.id} asOf={s.asOf} />
          {/* Recording a week belongs to today: a past day's view is read-only. */}
          <AdoptionCard plan={plan} canEdit={canEdit && isToday} asOf={s.asOf} />
        </div>
      </div>
    </DownloadName.Provider>
  );
}
