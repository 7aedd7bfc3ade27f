import type { ReactNode } from 'react';
import { ScrollRegion } from './scroll-region';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** The row header cell (th scope=row). */
  rowHeader?: boolean;
  className?: string;
};

/** The last column, for a row's buttons; its header is read, not shown. */
export const actionsColumn = <T,>(cell: (row: T) => ReactNode): Column<T> => ({
  key: 'actions',
  header: <span className="visually-hidden">Actions</span>,
  cell,
});

/** A plain, accessible table in a horizontally scrollable, focusable region (see ScrollRegion). */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  captionHidden,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  captionHidden?: boolean;
}) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
