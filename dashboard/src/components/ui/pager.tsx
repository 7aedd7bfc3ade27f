import { useState } from 'react';

/** Filters and a page offset that goes back to the first page whenever the filters change. */
export function usePagedFilters<F>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const [offset, setOffset] = useState(0);
  const update = (next: F) => {
    setFilters(next);
    setOffset(0);
  };
  return { filters, update, offset, setOffset };
}

/** Buttons to the page before and after, `pageSize` items apart. */
export function Pager({
  offset,
  total,
  pageSize,
  onChange,
  labels = ['Previous', 'Next'],
}: {
  offset: number;
  total: number;
  pageSize: number;
  onChange: (offset: number) => void;
  labels?: [string, string];
}) {
  return (
    <div className="row" style={{ marginTop: '0.5rem' }}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {labels[0]}
      </button>
      <button type="button" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>
        {labels[1]}
      </button>
    </div>
  );
}
