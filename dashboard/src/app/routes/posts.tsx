import { can } from '@handover/shared';
import { PageHeader } from '../../components/ui/page-header';
import { ImportWizard } from '../../features/imports/components/import-wizard';
import { CsvImport } from '../../features/posts/components/csv-import';
import { PostsList } from '../../features/posts/components/posts-list';
import { RecordPostForm } from '../../features/posts/components/record-post-form';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function PostsPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Posts · ${plan.name}`);
  const canRecord = can(role, 'recordPosts');
  const agencyOnly = !can(role, 'recordAnySource');
  return (
    <>
      <PageHeader title="Posts" description="The ledger of published posts and who made them: the agency, the in-house team, or both together." />
      <div className="stack">
        {canRecord ? (
          <div className="grid grid--wide">
            <section className="card" aria-labelledby="record-post">
              <h2 id="record-post">Record a post</h2>
              <RecordPostForm planId={plan.id} agencyOnly={agencyOnly} />
            </section>
            <section className="card" aria-labelledby="import-posts">
              <h2 id="import-posts">Import a CSV</h2>
              <CsvImport planId={plan.id} agencyOnly={agencyOnly} />
            </section>
          </div>
        ) : null}
        {canRecord ? (
          <section className="card stack" aria-labelledby="import-export">
            <h2 id="import-export">Import an export</h2>
            <ImportWizard planId={plan.id} agencyOnly={agencyOnly} />
          </section>
        ) : null}
        <section className="card" aria-labelledby="post-list">
          <h2 id="post-list">Recorded posts</h2>
          <PostsList planId={plan.id} />
        </section>
      </div>
    </>
  );
}
