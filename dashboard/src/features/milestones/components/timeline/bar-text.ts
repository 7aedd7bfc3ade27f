import { PHASE_LABELS } from '@handover/shared';
import { formatDate, humanize } from '../../../../lib/format';
import { slipText, type TimelineBar } from '../../utils/timeline';

/** What a bar says in words: the same text for its accessible name, the details panel and the table. */
export const stateText = (b: TimelineBar): string => (b.state === 'overdue' ? `${humanize(b.milestone.status)}, overdue` : humanize(b.milestone.status));

export const startText = (b: TimelineBar): string =>
  `${formatDate(b.start)} (${b.startFrom === 'dependency' ? 'when what it depends on is due' : 'the plan’s start'})`;

export const baselineText = (b: TimelineBar): string =>
  b.baseline ? `baseline ${formatDate(b.baseline)}, ${slipText(b.milestone.slipDays)}` : 'no baseline date';

export const barSummary = (b: TimelineBar): string =>
  `${b.milestone.title}, ${PHASE_LABELS[b.milestone.phase]}: from ${formatDate(b.start)} to ${formatDate(b.due)}; ${stateText(b)}; ${baselineText(b)}`;
