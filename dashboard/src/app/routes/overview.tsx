import { can, isRealDate } from '@handover/shared';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { OverviewView } from '../../features/overview/components/overview-view';

import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function OverviewPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Overview · ${plan.name}`);
  // ?asOf=YYYY-MM-DD shows the plan as it stood on that day; the link can be shared.
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf') ?? '';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(raw) && isRealDate(raw) ? raw : undefined;
  return (
    <>
      <PageHeader
        title="Can the agency go, and when?"
        description={`${plan.brand}: handing over from ${plan.agencyName}.`}
        actions={
          <>
            <label className="field--inline small">
              <span>As of</span>
              <input
                type="date"
                value={asOf ?? ''}
                onChange={(e) => setParams(e.target.value ? { asOf: e.target.value } : {}, { replace: true })}
                style={{ width: 'auto' }}
              />
            </label>
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
          </>
        }
      />
      <OverviewView plan={plan} asOf={asOf} canReadMatrix={can(role, 'readSensitive')} canEdit={can(role, 'edit')} />
    </>
  );
}
