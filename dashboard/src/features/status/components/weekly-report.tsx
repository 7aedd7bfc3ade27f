import { GATE_LABELS, type Plan, type SnapshotListItem } from '@handover/shared';
import { useSnapshotComparison } from '../../../api/snapshots/compare-snapshots';
import { Badge } from '../../../components/ui/badge';
import { QueryState } from '../../../components/ui/states';
import { formatDate, formatInstant, percent } from '../../../lib/format';
import { RAG_LABELS, snapshotName } from '../utils/status';
import { ChangesList } from './changes-list';

const COMPONENTS = [
  ['milestones', 'Milestones done'],
  ['skills', 'Skill gaps closed'],
  ['posts', 'In-house posts'],
  ['handovers', 'Handovers accepted'],
] as const;

/**
 * The one-page weekly report: the latest snapshot's status, figures and gates, and what changed
 * since the one before. On paper it is the whole page (the print rules in status.css hide the rest).
 */
export function WeeklyReport({ plan, latest, previous }: { plan: Plan; latest: SnapshotListItem; previous: SnapshotListItem | undefined }) {
  const comparison = useSnapshotComparison(plan.id, previous?.id, latest.id);
  const s = latest.summary;
  const figures: [string, string][] = [
    ['Readiness', percent(s.readiness.score)],
    ...COMPONENTS.map(([key, label]): [string, string] => [label, percent(s.readiness.components[key])]),
    ['In-house share (28 days)', percent(s.posts.window.inHouseShare)],
    ['Earliest exit', formatDate(s.exitForecast?.projectedExitDate)],
    ['Target exit', formatDate(plan.targetExitDate)],
    ['Contract end', formatDate(plan.contractEndDate)],
  ];
  return (
    <article className="weekly-report card" aria-labelledby="weekly-report-title" data-testid="weekly-report">
      <header>
        <h2 id="weekly-report-title">
          Weekly report: {plan.name} ({plan.brand})
        </h2>
        <p className="muted">
          {snapshotName(latest)}
          {latest.kind === 'weekly' ? ` · taken ${formatInstant(latest.takenAt)}` : ''}
          {latest.approximate ? ' · approximate: rebuilt from history' : ''}
        </p>
      </header>
      <section aria-labelledby="report-status">
        <h3 id="report-status">Status</h3>
        <p>
          {latest.rag ? <Badge value={latest.rag} label={RAG_LABELS[latest.rag]} /> : 'No RAG given.'} {latest.note ?? ''}
        </p>
      </section>
      <div className="weekly-report__columns">
        <section aria-labelledby="report-figures">
          <h3 id="report-figures">Figures</h3>
          <dl className="weekly-report__figures">
            {figures.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="report-gates">
          <h3 id="report-gates">Gates</h3>
          <ul className="weekly-report__gates">
            {s.gates.map((g) => (
              <li key={g.key}>
                {GATE_LABELS[g.key]}: <strong>{g.met ? 'met' : 'not met'}</strong>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="report-changes">
        <h3 id="report-changes">What changed{previous ? ` since ${snapshotName(previous)}` : ''}</h3>
        {previous ? (
          <QueryState query={comparison} loadingLabel="Comparing…">
            {(c) => <ChangesList comparison={c} level={4} />}
          </QueryState>
        ) : (
          <p className="muted">The first snapshot: nothing to compare with yet.</p>
        )}
      </section>
    </article>
  );
}
