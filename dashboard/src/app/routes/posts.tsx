import { useState } from 'react';
import { PageHeader } from '../../components/ui/page-header';
import { CsvImport } from '../../features/posts/components/csv-import';
import { PostsList } from '../../features/posts/components/posts-list';
import { RecordPostForm } from '../../features/posts/components/record-post-form';
import { can } from '../../lib/permissions';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function PostsPage() {
  const { plan, role } = usePlanContext();
  useTitle(`Posts · ${plan.name}`);
  const [message, setMessage] = useState<string | null>(null);
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
              <div aria-live="polite">
                {message ? (
                  <p className="alert alert--success" role="status">
                    {message}
                  </p>
                ) : null}
              </div>
              <RecordPostForm planId={plan.id} agencyOnly={agencyOnly} onRecorded={setMessage} />
            </section>
            <section className="card" aria-labelledby="import-posts">
              <h2 id="import-posts">Import a CSV</h2>
              <CsvImport planId={plan.id} agencyOnly={agencyOnly} />
            </section>
          </div>
        ) : null}
        <section className="card" aria-labelledby="post-list">
          <h2 id="post-list">Recorded posts</h2>
          <PostsList planId={plan.id} />
        </section>
      </div>
    </>
  );
}
