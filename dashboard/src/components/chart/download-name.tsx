import { createContext, useContext } from 'react';
import { csvFilename } from '../../lib/format';

/** The plan and the day a page's tables describe, for naming their downloads. */
export const DownloadName = createContext<{ planName: string; date: string } | null>(null);

/** `<plan-slug>-<table>-<YYYY-MM-DD>.csv` inside a DownloadName provider, `<table>.csv` outside one. */
export function useDownloadName(table: string): string {
  const context = useContext(DownloadName);
  return context ? csvFilename(context.planName, table, context.date) : `${table}.csv`;
}
