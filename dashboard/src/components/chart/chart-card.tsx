import { useState, type ReactNode } from 'react';
import { downloadText, toCsv } from '../../lib/csv';
import { formatDate } from '../../lib/format';
import { DataTable } from '../ui/data-table';
import { useDownloadName } from './download-name';

/**
 * A column of a chart's table and CSV. A `date` column holds `YYYY-MM-DD`: the table shows it as
 * every page writes dates (`29 Nov 2026`), the CSV keeps the ISO form spreadsheets read.
 */
export type TableColumn<T> = { header: string; value: (row: T) => string | number | null; numeric?: boolean; date?: boolean };

/**
 * A chart with what it needs to be accessible and useful: a heading, a one-line reading of it,
 * the same numbers as a table, and a CSV download of that table. The table is built when it is
 * first opened: a closed one costs nothing (a heat map's is people × skills cells; see
 * docs/architecture.md#deferred-rendering).
 */
export function ChartCard<T>({
  id,
  title,
  summary,
  children,
  columns,
  rows,
  table,
  tableOpen,
}: {
  id: string;
  title: string;
  summary?: ReactNode;
  children: ReactNode;
  columns: TableColumn<T>[];
  rows: T[];
  /** The table's name in its download, e.g. `posts-per-week` (see useDownloadName). */
  table: string;
  tableOpen?: boolean;
}) {
  const headingId = `${id}-title`;
  const filename = useDownloadName(table);
  const [opened, setOpened] = useState(tableOpen ?? false);
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
        <details open={tableOpen} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
          <summary>
            Show table<span className="visually-hidden"> of {title}</span>
          </summary>
          {opened ? (
            <DataTable
              caption={title}
              captionHidden
              columns={columns.map((c, i) => ({
                key: `${i}`,
                header: c.header,
                numeric: c.numeric,
                rowHeader: i === 0,
                cell: (row: T) => {
                  const value = c.value(row);
                  return value === null ? '—' : c.date ? formatDate(String(value)) : value;
                },
              }))}
              rows={rows}
              rowKey={(_r, i) => String(i)}
            />
          ) : null}
        </details>
      </div>
    </section>
  );
}
