import { can } from '@handover/shared';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState } from '../../components/ui/states';
import { ImportWizard } from '../../features/imports/components/import-wizard';
import { ApiError } from '../../lib/api-client';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

/** The import wizard on a page of its own (it is also on Posts), for the navigation's "Import posts". */
export default function ImportPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Import posts · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Import posts"
        description="Bring in a platform’s or scheduler’s export. Rows that do not say who made them are classified by the roster; you see every count before anything is stored."
      />
      {can(role, 'recordPosts') ? (
        <section className="card stack" aria-labelledby="import-export">
          <h2 id="import-export">Import an export</h2>
          <ImportWizard planId={plan.id} agencyOnly={!can(role, 'recordAnySource')} />
          <p className="small muted" style={{ margin: 0 }}>
            Imported posts appear on <Link to={`/plans/${plan.id}/posts`}>Posts</Link>; who publishes for which side is kept in the{' '}
            <Link to={`/plans/${plan.id}/roster`}>roster</Link>.
          </p>
        </section>
      ) : (
        <ErrorState error={new ApiError({ type: 'forbidden', title: 'Forbidden', status: 403, detail: 'Your role may read posts but not import them.' })} />
      )}
    </>
  );
}
