import type { Plan } from '@handover/shared';
import { printWithCharts } from '../../../components/chart/chart';
import { PageHeader } from '../../../components/ui/page-header';
import { AsOfField, useAsOf } from './as-of-field';
import { OverviewView } from './overview-view';

/** The overview page: its question, the day it is answered for (today unless the address says otherwise), and the answer. */
export function OverviewScreen({ plan, canReadMatrix, canEdit, canRecordStatus = false }: { plan: Plan; canReadMatrix: boolean; canEdit: boolean; canRecordStatus?: boolean }) {
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
      <OverviewView plan={plan} asOf={asOf} canReadMatrix={canReadMatrix} canEdit={canEdit} canRecordStatus={canRecordStatus} />
    </>
  );
}
