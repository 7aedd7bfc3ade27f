import { POSTS_CSV_HEADER } from '@handover/shared';
import type { LineError } from '../../../lib/api-client';

/**
 * A file to start from: the header and an example row whose source the person may import (agency
 * staff may import only `agency` rows, so their example must be one).
 */
export const csvTemplate = (agencyOnly: boolean): string =>
  `${POSTS_CSV_HEADER.join(',')}\r\ninstagram,2026-03-02T10:00:00Z,${agencyOnly ? 'agency' : 'in_house'},ig-123,Sam\r\n`;

/** Physical lines of a file, 1-based, for showing the text next to a server error by line. */
export function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

export type LineErrorRow = LineError & { text: string | null };

/** Errors by line, in order, each with the line's text when the file is small enough to hold. */
export function errorRows(errors: LineError[], lines: string[] | null): LineErrorRow[] {
  return [...errors]
    .sort((a, b) => a.line - b.line)
    .map((e) => ({ ...e, text: lines ? (lines[e.line - 1] ?? null) : null }));
}

/** The header the server expects, checked before an upload so a wrong file fails fast. */
export function headerProblem(firstLine: string): string | null {
  const got = firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((s) => s.trim().replace(/^"|"$/g, '').toLowerCase());
  const want = [...POSTS_CSV_HEADER];
  return got.join(',') === want.join(',') ? null : `The first line must be the header ${want.join(',')}; found ${got.join(',') || 'nothing'}.`;
}

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
