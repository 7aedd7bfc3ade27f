import { GATE_LABELS, type Plan, type Summary } from '@handover/shared';
import { ChartCard } from '../../../components/chart/chart-card';
import { formatDate, formatShortDate } from '../../../lib/format';
import { gateDates, timelineMarks } from '../utils/series';
import { GATE_NOUNS } from '../utils/verdict';

const COLORS: Record<string, string> = {
  start: 'var(--chart-planned)',
  today: 'var(--muted)',
  projected: 'var(--chart-forecast)',
  target: 'var(--chart-target)',
  contract: 'var(--chart-agency)',
};

/** One sentence on the whole-plan exit: the latest gate's date, which gate sets it, and the target. */
function exitSentence(f: Summary['exitForecast'], allMet: boolean): string {
  if (allMet) return 'Every gate is met: the agency can go now.';
  if (f.projectedExitDate === null)
    return f.undatedGates.length
      ? `No exit date: no date can be given for ${f.undatedGates.map((k) => GATE_NOUNS[k]).join(' or ')}.`
      : 'No exit date: the last gate is more than two years away.';
  const by = f.limitedBy ? `, set by ${GATE_NOUNS[f.limitedBy]}` : '';
  return `The exit needs every gate met: at the earliest ${formatDate(f.projectedExitDate)}${by}, ${f.onTrack ? 'on or before' : 'after'} the target exit.`;
}

/**
 * "When can the agency go?": the exit over every gate (docs/domain.md#exit-forecast) against the
 * target exit and contract end, each gate's date, and the day shown on the same line.
 */
export function ExitDatesCard({ summary, plan, isToday }: { summary: Summary; plan: Plan; isToday: boolean }) {
  const f = summary.exitForecast;
  const allMet = summary.gates.every((g) => g.met);
  const projected = f.projectedExitDate;
  const gates = gateDates(summary);
  const shareReaches = summary.forecast.projectedExitDate;
  // In date order, so the stacked labels read from the start down to the last date.
  const marks = timelineMarks(plan.startDate, [
    { key: 'start', label: 'Start', date: plan.startDate },
    { key: 'today', label: isToday ? 'Today' : 'As of', date: summary.asOf },
    { key: 'projected', label: 'Earliest exit', date: projected },
    { key: 'target', label: 'Target', date: plan.targetExitDate },
    { key: 'contract', label: 'Contract end', date: plan.contractEndDate },
  ]).sort((a, b) => a.position - b.position);
  const dates = [
    { label: 'Earliest exit', date: projected, color: COLORS.projected, none: 'No date' },
    { label: 'Target exit', date: plan.targetExitDate, color: COLORS.target, none: 'Not set' },
    { label: 'Contract end', date: plan.contractEndDate, color: COLORS.contract, none: 'Not set' },
  ];
  const rows = [
    { what: 'Earliest exit (every gate)', date: projected, note: f.limitedBy ? `limited by ${GATE_LABELS[f.limitedBy]}` : '' },
    { what: 'Target exit', date: plan.targetExitDate, note: '' },
    { what: 'Contract end', date: plan.contractEndDate, note: '' },
    ...gates.map((g) => ({ what: `Gate: ${g.label}`, date: g.date, note: g.note })),
    { what: 'In-house share reaches target', date: shareReaches, note: 'the share trend alone, not the exit' },
  ];
  return (
    <ChartCard
      id="exit"
      title="When can the agency go?"
      summary={exitSentence(f, allMet)}
      columns={[
        { header: 'What', value: (r) => r.what },
        { header: 'Date', value: (r) => r.date, date: true },
        { header: 'Note', value: (r) => r.note || null },
      ]}
      rows={rows}
      table="exit-dates"
    >
      <dl className="dates">
        {dates.map((r) => (
          <div key={r.label} style={{ borderLeftColor: r.color }}>
            <dt>{r.label}</dt>
            <dd>{r.date ? formatDate(r.date) : r.none}</dd>
          </div>
        ))}
      </dl>
      <div className="timeline" aria-hidden="true" style={{ height: `${1.4 + marks.length * 0.95}rem` }}>
        {marks.map((m, i) => (
          <div key={m.key} className="timeline__mark" style={{ left: `${m.position}%` }}>
            {/* An SVG dot: its fill prints even when the browser leaves out background colours. */}
            <svg className="timeline__dot" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="8" cy="8" r="6.5" fill={COLORS[m.key]} stroke="var(--surface)" strokeWidth="2" />
            </svg>
            <span
              className="timeline__label"
              style={{
                top: `${0.9 + i * 0.95}rem`,
                ...(m.position > 70 ? { right: 0 } : m.position < 30 ? { left: 0 } : { left: '50%', transform: 'translateX(-50%)' }),
              }}
            >
              {m.label} {formatShortDate(m.date)}
            </span>
          </div>
        ))}
      </div>
      <h3 className="gate-dates__title">Each gate&apos;s date</h3>
      <ul className="gate-dates">
        {gates.map((g) => (
          <li key={g.key} className={g.limits ? 'gate-dates__limit' : undefined}>
            <span>{g.label}</span>
            <span className="gate-dates__date">{g.met ? 'Met' : g.date ? formatDate(g.date) : 'No date'}</span>
            {g.note && !g.met ? <span className="gate-dates__note">{g.note}</span> : null}
            {g.key === 'posts_share' && !g.met && shareReaches ? (
              <span className="gate-dates__note">
                In-house share reaches target {formatDate(shareReaches)}, then {plan.targets.sustainWeeks} weeks held at it
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
