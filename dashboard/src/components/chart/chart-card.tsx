import type { ReactNode } from 'react';
import { downloadText, toCsv } from '../../lib/csv';
import { DataTable } from '../ui/data-table';

export type TableColumn<T> = { header: string; value: (row: T) => string | number | null; numeric?: boolean };

/**
 * A chart with what it needs to be accessible and useful: a heading, a one-line reading of it,
 * the same numbers as a table, and a CSV download of that table.
 */
export function ChartCard<T>({
  id,
  title,
  summary,
  children,
  columns,
  rows,
  filename,
  tableOpen,
}: {
  id: string;
  title: string;
  summary?: ReactNode;
  children: ReactNode;
  columns: TableColumn<T>[];
  rows: T[];
  filename: string;
  tableOpen?: boolean;
}) {
  const headingId = `${id}-title`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid={`chart-${id}`}>
      <h2 id={headingId}>{title}</h2>
      {summary ? <p className="muted small">{summary}</p> : null}
      {children}
      <div className="chart-tools">
        <button
          type="button"
          className="button--small"
          onClick={() => downloadText(filename, toCsv(columns.map((c) => ({ header: c.header, value: c.value })), rows))}
        >
          Download CSV<span className="visually-hidden"> of {title}</span>
        </button>
        <details open={tableOpen}>
          <summary>
            Show table<span className="visually-hidden"> of {title}</span>
          </summary>
          <DataTable
            caption={title}
            captionHidden
            columns={columns.map((c, i) => ({
              key: `${i}`,
              header: c.header,
              numeric: c.numeric,
              rowHeader: i === 0,
              cell: (row: T) => c.value(row) ?? '—',
            }))}
            rows={rows}
            rowKey={(_r, i) => String(i)}
          />
        </details>
      </div>
    </section>
  );
}
