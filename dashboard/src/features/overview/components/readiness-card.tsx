import type { Summary } from '@handover/shared';
import { ChartCard } from '../../../components/chart/chart-card';
import { formatDate, percent } from '../../../lib/format';
import { readinessRows } from '../utils/series';

export function ReadinessCard({ summary }: { summary: Summary }) {
  const rows = readinessRows(summary.readiness.components);
  return (
    <ChartCard
      id="readiness"
      title="Readiness"
      summary={`The mean of four components, each 0–100%. ${summary.exitReady ? 'Every gate is met: the agency can go.' : 'Not every gate is met yet.'}`}
      columns={[
        { header: 'Component', value: (r) => r.label },
        { header: 'Score', value: (r) => percent(r.value), numeric: true },
      ]}
      rows={[...rows, { key: 'score', label: 'Readiness (mean)', value: summary.readiness.score }]}
      table="readiness"
    >
      <div className="kpi">
        <div>
          <div className="kpi__score" data-testid="readiness-score">
            {percent(summary.readiness.score)}
          </div>
          <div className="muted small">as of {formatDate(summary.asOf)}</div>
        </div>
        <ul className="meter-list" aria-label="Readiness components">
          {rows.map((r) => (
            <li key={r.key}>
              <span>{r.label}</span>
              <div className="progress" aria-hidden="true">
                <div className={`progress__bar ${r.value >= 1 ? 'progress__bar--done' : ''}`} style={{ width: `${Math.round(r.value * 100)}%` }} />
              </div>
              <span className="num">{percent(r.value)}</span>
            </li>
          ))}
        </ul>
      </div>
    </ChartCard>
  );
}
