import type { ImportPreview } from '@handover/shared';
import { count } from '../../../lib/format';

/** The posts an import would add: valid rows that are neither duplicates nor unclassified are all counted by side. */
export const newPosts = (p: ImportPreview): number => p.bySide.agency + p.bySide.inHouse + p.bySide.coAuthored;

/**
 * Why the import cannot be committed yet, in the order to fix things; null when it can. The API
 * refuses a commit while any row is invalid or unclassified (docs/domain.md#import-wizard-and-roster-page).
 */
export function blockers(p: ImportPreview): string[] {
  const out: string[] = [];
  if (p.errorCount > 0) out.push(`${count(p.errorCount, 'row has an error', 'rows have errors')}: fix the mapping or the file.`);
  if (p.bySide.unclassified > 0)
    out.push(`${count(p.bySide.unclassified, 'row is', 'rows are')} not classified: add the unknown authors or channels to the roster, or choose a default side.`);
  if (out.length === 0 && newPosts(p) === 0) out.push(p.duplicates > 0 ? 'Every row is a duplicate: there is nothing new to import.' : 'The file has no rows to import.');
  return out;
}

/** One line saying what was read: `12 rows read: 10 valid, 1 skipped (no date), 1 with an error; 2 duplicates`. */
export function readLine(p: ImportPreview): string {
  const parts = [`${p.valid} valid`];
  if (p.skipped) parts.push(`${p.skipped} skipped (no date)`);
  if (p.errorCount) parts.push(`${p.errorCount} with ${p.errorCount === 1 ? 'an error' : 'errors'}`);
  return `${count(p.rows, 'row')} read: ${parts.join(', ')}${p.duplicates ? `; ${count(p.duplicates, 'duplicate')} will be skipped` : ''}.`;
}

/** The sides as rows of a small table, in the share chart's order. */
export function sideRows(p: ImportPreview): { key: string; label: string; rows: number }[] {
  return [
    { key: 'inHouse', label: 'In-house', rows: p.bySide.inHouse },
    { key: 'agency', label: 'Agency', rows: p.bySide.agency },
    { key: 'coAuthored', label: 'Co-authored', rows: p.bySide.coAuthored },
    { key: 'unclassified', label: 'Not classified', rows: p.bySide.unclassified },
  ];
}
