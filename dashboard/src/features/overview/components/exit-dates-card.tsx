import type { Plan, Summary } from '@handover/shared';
import { ChartCard } from '../../../components/chart/chart-card';
import { formatDate, formatShortDate } from '../../../lib/format';
import { timelineMarks } from '../utils/series';

const COLORS: Record<string, string> = {
  today: 'var(--muted)',
  projected: 'var(--chart-forecast)',
  target: 'var(--chart-target)',
  contract: 'var(--chart-agency)',
};

export function ExitDatesCard({ summary, plan }: { summary: Summary; plan: Plan }) {
  const projected = summary.forecast.projectedExitDate;
  const marks = timelineMarks(plan.startDate, [
    { key: 'today', label: 'Today', date: summary.asOf },
    { key: 'projected', label: 'Projected', date: projected },
    { key: 'target', label: 'Target', date: plan.targetExitDate },
    { key: 'contract', label: 'Contract end', date: plan.contractEndDate },
  ]);
  const verdict =
    projected === null
      ? 'No projection: the in-house share is not rising.'
      : summary.forecast.onTrack
        ? `On track: projected ${formatDate(projected)}, on or before the target.`
        : `Behind: projected ${formatDate(projected)}, after the target of ${formatDate(plan.targetExitDate)}.`;
  const rows = [
    { label: 'Projected exit', date: projected, color: COLORS.projected, none: 'Not projected' },
    { label: 'Target exit', date: plan.targetExitDate, color: COLORS.target, none: 'Not set' },
    { label: 'Contract end', date: plan.contractEndDate, color: COLORS.contract, none: 'Not set' },
  ];
  return (
    <ChartCard
      id="exit"
      title="When can the agency go?"
      summary={verdict}
      columns={[
        { header: 'What', value: (r) => r.label },
        { header: 'Date', value: (r) => r.date, date: true },
      ]}
      rows={rows}
      table="exit-dates"
    >
      <dl className="dates">
        {rows.map((r) => (
          <div key={r.label} style={{ borderLeftColor: r.color }}>
            <dt>{r.label}</dt>
            <dd>{r.date ? formatDate(r.date) : r.none}</dd>
          </div>
        ))}
      </dl>
      <div className="timeline" aria-hidden="true">
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
    </ChartCard>
  );
}
