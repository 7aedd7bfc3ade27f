import { EXIT_ITEM_STATUS_LABELS, GATE_LABELS, LADDER_LABELS, type SnapshotComparison } from '@handover/shared';
import { formatDate, percent } from '../../lib/format';

export type ComparisonSection = { key: string; title: string; lines: string[] };

const signed = (delta: number) => `${delta >= 0 ? '+' : '−'}${Math.abs(Math.round(delta * 100))} points`;
const gateWord = (met: boolean | null) => (met === null ? 'not yet defined' : met ? 'met' : 'not met');
const dateOr = (date: string | null, none: string) => (date ? formatDate(date) : none);

/**
 * A comparison of two snapshots in plain sentences, one section per kind of change; a section with
 * nothing in it says so. The overview's "What changed this week" and the Status page's compare both
 * read it, so the two say the same thing in the same words.
 */
export function comparisonSections(c: SnapshotComparison): ComparisonSection[] {
  const exitMoved = c.exitForecast.from !== c.exitForecast.to;
  const shareMoved = c.forecast.from !== c.forecast.to;
  return [
    {
      key: 'figures',
      title: 'Figures',
      lines: [
        `Readiness ${percent(c.readiness.from)} → ${percent(c.readiness.to)} (${signed(c.readiness.delta)}).`,
        `In-house share ${percent(c.share.from)} → ${percent(c.share.to)}.`,
        exitMoved
          ? `Earliest exit ${dateOr(c.exitForecast.from, 'no date')} → ${dateOr(c.exitForecast.to, 'no date')}.`
          : `Earliest exit unchanged: ${dateOr(c.exitForecast.to, 'no date')}.`,
        shareMoved
          ? `In-house share reaches target ${dateOr(c.forecast.from, 'no date')} → ${dateOr(c.forecast.to, 'no date')}.`
          : `In-house share reaches target: unchanged (${dateOr(c.forecast.to, 'no date')}).`,
      ],
    },
    {
      key: 'gates',
      title: 'Gates changed',
      lines: c.gatesChanged.map((g) => `${GATE_LABELS[g.key]}: ${gateWord(g.from)} → ${gateWord(g.to)}.`),
    },
    {
      key: 'completed',
      title: 'Milestones completed',
      lines: c.milestonesCompleted.map((m) => (m.completedAt ? `${m.title} (${formatDate(m.completedAt)}).` : `${m.title}.`)),
    },
    {
      key: 'slipped',
      title: 'Milestones slipped',
      lines: c.milestonesSlipped.map((m) => `${m.title}: due ${formatDate(m.dueFrom)} → ${formatDate(m.dueTo)}.`),
    },
    {
      key: 'handovers',
      title: 'Handovers moved',
      lines: c.handoversMoved.map((h) => `${h.title}: ${LADDER_LABELS[h.from]} → ${LADDER_LABELS[h.to]}.`),
    },
    {
      key: 'exit-items',
      title: 'Exit items moved',
      lines: c.exitItemsMoved.map((x) => `${x.name}: ${EXIT_ITEM_STATUS_LABELS[x.from]} → ${EXIT_ITEM_STATUS_LABELS[x.to]}.`),
    },
  ];
}
