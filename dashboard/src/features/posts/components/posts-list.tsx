import { SOURCE_LABELS, type Post } from '@handover/shared';
import { exportUrl } from '../../../api/posts/export-posts';
import { usePosts, type PostFilters } from '../../../api/posts/get-posts';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { FilterSelect } from '../../../components/ui/filter-select';
import { Pager, usePagedFilters } from '../../../components/ui/pager';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant, localTimeZone } from '../../../lib/format';

const PAGE = 50;

export function PostsList({ planId }: { planId: string }) {
  const { filters, update, offset, setOffset } = usePagedFilters<PostFilters>({});
  const posts = usePosts(planId, filters, offset);
  return (
    <>
      <form className="filters" aria-label="Filter posts" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="Made by" anyLabel="Anyone" labels={SOURCE_LABELS} filters={filters} name="source" onChange={update} />
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
            <p className="muted small">Times are in your time zone, {localTimeZone()}.</p>
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
            <Pager offset={offset} total={page.total} pageSize={PAGE} onChange={setOffset} />
          </>
        )}
      </QueryState>
    </>
  );
}
