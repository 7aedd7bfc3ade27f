import type { PlanRead } from '../../../api/plans/get-plan';
import { printWithCharts } from '../../../components/chart/chart';
import { ExitedBanner } from '../../../components/ui/exited-banner';
import { PageHeader } from '../../../components/ui/page-header';
import { AsOfField, useAsOf } from './as-of-field';
import { OverviewView } from './overview-view';

/**
 * The overview page: its question, the day it is answered for (today unless the address says
 * otherwise), whether the agency exit is done (docs/domain.md#exit-page), and the answer.
 */
export function OverviewScreen({ plan, canReadMatrix, canEdit, canRecordStatus = false }: { plan: PlanRead; canReadMatrix: boolean; canEdit: boolean; canRecordStatus?: boolean }) {
  const [asOf, setAsOf] = useAsOf();
  return (
    <>
      <PageHeader
        title="Can the agency go, and when?"
        description={`${plan.brand}: handing over from ${plan.agencyName}.`}
        actions={
          <>
            <AsOfField asOf={asOf} onChange={setAsOf} min={plan.startDate} />
            <button type="button" onClick={() => void printWithCharts()}>
              Print
            </button>
          </>
        }
      />
      {plan.exitedAt ? <ExitedBanner exitedAt={plan.exitedAt} reason={plan.exitOverrideReason} /> : null}
      <OverviewView plan={plan} asOf={asOf} canReadMatrix={canReadMatrix} canEdit={canEdit} canRecordStatus={canRecordStatus} />
    </>
  );
}
