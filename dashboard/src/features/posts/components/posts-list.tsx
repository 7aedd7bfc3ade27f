import { PostSourceSchema, SOURCE_LABELS, type Post, type PostSource } from '@handover/shared';
import { useState } from 'react';
import { exportUrl } from '../../../api/posts/export-posts';
import { usePosts, type PostFilters } from '../../../api/posts/get-posts';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { Options } from '../../../components/ui/options';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant } from '../../../lib/format';

const PAGE = 50;

export function PostsList({ planId }: { planId: string }) {
  const [filters, setFilters] = useState<PostFilters>({});
  const [offset, setOffset] = useState(0);
  const posts = usePosts(planId, filters, offset);
  const update = (next: PostFilters) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <form className="filters" aria-label="Filter posts" onSubmit={(e) => e.preventDefault()}>
        <Field label="Made by">
          <select value={filters.source ?? ''} onChange={(e) => update({ ...filters, source: (e.target.value || undefined) as PostSource | undefined })}>
            <option value="">Anyone</option>
            <Options values={PostSourceSchema.options} label={(s) => SOURCE_LABELS[s]} />
          </select>
        </Field>
        <Field label="Channel">
          <input value={filters.channel ?? ''} onChange={(e) => update({ ...filters, channel: e.target.value || undefined })} />
        </Field>
        <Field label="From">
          <input type="date" value={filters.from ?? ''} onChange={(e) => update({ ...filters, from: e.target.value || undefined })} />
        </Field>
        <Field label="To">
          <input type="date" value={filters.to ?? ''} onChange={(e) => update({ ...filters, to: e.target.value || undefined })} />
        </Field>
        <a className="button" href={exportUrl(planId, filters)} download>
          Export CSV
        </a>
      </form>
      <QueryState query={posts} loadingLabel="Loading posts…" isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="No posts recorded" />}>
        {(page) => (
          <>
            <DataTable<Post>
              caption={`Posts ${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`}
              rows={page.items}
              rowKey={(p) => p.id}
              columns={[
                { key: 'at', header: 'Published', rowHeader: true, cell: (p) => formatInstant(p.publishedAt) },
                { key: 'channel', header: 'Channel', cell: (p) => p.channel },
                { key: 'source', header: 'Made by', cell: (p) => SOURCE_LABELS[p.source] },
                { key: 'author', header: 'Author', cell: (p) => p.author ?? '—' },
                { key: 'ext', header: 'External id', cell: (p) => p.externalId ?? '—' },
              ]}
            />
            <div className="row" style={{ marginTop: '0.5rem' }}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous
              </button>
              <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
                Next
              </button>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
