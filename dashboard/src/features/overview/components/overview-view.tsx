import type { Matrix, Plan, Summary } from '@handover/shared';
import { Chart } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { DataTable } from '../../../components/ui/data-table';
import { AdoptionForm } from './adoption-form';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states';
import { formatDate, formatShortDate, percent } from '../../../lib/format';
import { useAdoption } from '../api/get-adoption';
import { useAllMilestones } from '../api/get-all-milestones';
import { useCoverage } from '../api/get-coverage';
import { useMatrix } from '../api/get-matrix';
import { useSummary } from '../api/get-summary';
import { useWeeklyShare } from '../api/get-weekly-share';
import {
  PHASE_LABELS,
  adoptionRows,
  coverageRows,
  ladderRows,
  orderedGates,
  overdueMilestones,
  phaseProgress,
  postsSeries,
  readinessRows,
  shareWindowStart,
  timelineMarks,
} from '../utils/series';

type QueryLike = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

function Pending({ query, title, children }: { query: QueryLike; title: string; children: () => React.ReactNode }) {
  if (query.isPending)
    return (
      <section className="card" aria-label={title}>
        <h2>{title}</h2>
        <Loading />
      </section>
    );
  if (query.isError)
    return (
      <section className="card" aria-label={title}>
        <h2>{title}</h2>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  return <>{children()}</>;
}

function Readiness({ summary }: { summary: Summary }) {
  const rows = readinessRows(summary.readiness.components);
  return (
    <ChartCard
      id="readiness"
      title="Readiness"
      summary={`The mean of four components, each 0–100%. ${summary.exitReady ? 'All five gates are met: the agency can go.' : 'Not every gate is met yet.'}`}
      columns={[
        { header: 'Component', value: (r) => r.label },
        { header: 'Score', value: (r) => percent(r.value), numeric: true },
      ]}
      rows={[...rows, { key: 'score', label: 'Readiness (mean)', value: summary.readiness.score }]}
      filename="readiness.csv"
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

function Gates({ summary }: { summary: Summary }) {
  const gates = orderedGates(summary.gates);
  return (
    <ChartCard
      id="gates"
      title="Exit gates"
      summary={`${gates.filter((g) => g.met).length} of ${gates.length} met.`}
      columns={[
        { header: 'Gate', value: (g) => g.label },
        { header: 'Met', value: (g) => (g.met ? 'yes' : 'no') },
        { header: 'Evidence', value: (g) => g.detail },
      ]}
      rows={gates}
      filename="gates.csv"
    >
      <ul className="gates">
        {gates.map((g) => (
          <li key={g.key}>
            <span className={`gate__icon gate__icon--${g.met ? 'met' : 'unmet'}`} aria-hidden="true">
              {g.met ? '✓' : '✕'}
            </span>
            <strong>
              {g.label}
              <span className="visually-hidden">: {g.met ? 'met' : 'not met'}</span>
            </strong>
            <span className="gate__detail">{g.detail}</span>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}

function ExitDates({ summary, plan }: { summary: Summary; plan: Plan }) {
  const projected = summary.forecast.projectedExitDate;
  const marks = timelineMarks(plan.startDate, [
    { key: 'today', label: 'Today', date: summary.asOf },
    { key: 'projected', label: 'Projected', date: projected },
    { key: 'target', label: 'Target', date: plan.targetExitDate },
    { key: 'contract', label: 'Contract end', date: plan.contractEndDate },
  ]);
  const colors: Record<string, string> = {
    today: 'var(--muted)',
    projected: 'var(--chart-forecast)',
    target: 'var(--chart-target)',
    contract: 'var(--chart-agency)',
  };
  const verdict =
    projected === null
      ? 'No projection: the in-house share is not rising.'
      : summary.forecast.onTrack
        ? `On track: projected ${formatDate(projected)}, on or before the target.`
        : `Behind: projected ${formatDate(projected)}, after the target of ${formatDate(plan.targetExitDate)}.`;
  const rows = [
    { label: 'Projected exit', date: projected },
    { label: 'Target exit', date: plan.targetExitDate },
    { label: 'Contract end', date: plan.contractEndDate },
  ];
  return (
    <ChartCard
      id="exit"
      title="When can the agency go?"
      summary={verdict}
      columns={[
        { header: 'Date', value: (r) => r.label },
        { header: 'Value', value: (r) => r.date ?? 'none' },
      ]}
      rows={rows}
      filename="exit-dates.csv"
    >
      <dl className="dates">
        {rows.map((r, i) => (
          <div key={r.label} style={{ borderLeftColor: [colors.projected, colors.target, colors.contract][i] }}>
            <dt>{r.label}</dt>
            <dd>{r.date ? formatDate(r.date) : r.label === 'Projected exit' ? 'Not projected' : 'Not set'}</dd>
          </div>
        ))}
      </dl>
      <div className="timeline" aria-hidden="true">
        {marks.map((m, i) => (
          <div key={m.key} className="timeline__mark" style={{ left: `${m.position}%` }}>
            <span className="timeline__dot" style={{ background: colors[m.key] }} />
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

function PostsChart({ summary, plan }: { summary: Summary; plan: Plan }) {
  const from = shareWindowStart(plan.startDate, summary.asOf);
  const share = useWeeklyShare(plan.id, from, summary.asOf);
  const title = 'Posts per week: agency vs in-house';
  return (
    <Pending query={share} title={title}>
      {() => {
        const target = plan.targets.inHouseShare;
        const horizon = plan.targetExitDate > summary.asOf ? plan.targetExitDate : summary.asOf;
        const rows = postsSeries(share.data!.points, summary.forecast, target, horizon);
        const latest = [...rows].reverse().find((r) => r.share !== null);
        return (
          <ChartCard
            id="posts"
            title={title}
            summary={`Bars count posts by who made them; lines show the in-house share against the ${percent(target)} target and the fitted trend. ${
              latest ? `Latest week with posts: ${percent(latest.share)} in-house.` : 'No posts recorded yet.'
            } Last 28 days: ${percent(summary.posts.window.inHouseShare)} of ${summary.posts.window.total} posts.`}
            columns={[
              { header: 'Week of', value: (r) => r.weekStart },
              { header: 'Agency', value: (r) => r.agency, numeric: true },
              { header: 'Co-authored', value: (r) => r.coAuthored, numeric: true },
              { header: 'In-house', value: (r) => r.inHouse, numeric: true },
              { header: 'In-house share', value: (r) => (r.share === null ? null : percent(r.share, 1)), numeric: true },
              { header: 'Forecast share', value: (r) => (r.forecast === null ? null : percent(r.forecast, 1)), numeric: true },
              { header: 'Target', value: (r) => percent(r.target), numeric: true },
            ]}
            rows={rows}
            filename="posts-per-week.csv"
          >
            {rows.length === 0 ? (
              <EmptyState title="No weeks to show yet" />
            ) : (
              <Chart
                data={rows}
                categoryKey="weekStart"
                label={`Stacked weekly posts from ${formatDate(rows[0]!.weekStart)} with in-house share, target and forecast lines`}
                formatCategory={formatShortDate}
                formatRight={(v) => percent(v)}
                rightDomain={[0, 1]}
                series={[
                  { key: 'agency', label: 'Agency', color: 'var(--chart-agency)', kind: 'bar', stackId: 'posts' },
                  { key: 'coAuthored', label: 'Co-authored', color: 'var(--chart-co-authored)', kind: 'bar', stackId: 'posts' },
                  { key: 'inHouse', label: 'In-house', color: 'var(--chart-in-house)', kind: 'bar', stackId: 'posts' },
                  { key: 'share', label: 'In-house share', color: 'var(--chart-share)', kind: 'line', axis: 'right' },
                  { key: 'forecast', label: 'Forecast share', color: 'var(--chart-forecast)', kind: 'line', axis: 'right', dashed: true },
                ]}
                references={[{ y: target, label: `Target ${percent(target)}`, color: 'var(--chart-target)', axis: 'right' }]}
              />
            )}
          </ChartCard>
        );
      }}
    </Pending>
  );
}

function MilestonesCard({ planId, asOf }: { planId: string; asOf: string }) {
  const milestones = useAllMilestones(planId);
  const title = 'Milestones by phase';
  return (
    <Pending query={milestones} title={title}>
      {() => {
        const rows = phaseProgress(milestones.data!);
        const overdue = overdueMilestones(milestones.data!, asOf);
        return (
          <ChartCard
            id="milestones"
            title={title}
            summary={`${milestones.data!.filter((m) => m.status === 'done').length} of ${milestones.data!.length} done; ${overdue.length} overdue.`}
            columns={[
              { header: 'Phase', value: (r) => r.label },
              { header: 'Done', value: (r) => r.done, numeric: true },
              { header: 'In progress', value: (r) => r.in_progress, numeric: true },
              { header: 'Blocked', value: (r) => r.blocked, numeric: true },
              { header: 'Planned', value: (r) => r.planned, numeric: true },
              { header: 'Progress (by weight)', value: (r) => percent(r.progress), numeric: true },
            ]}
            rows={rows}
            filename="milestones-by-phase.csv"
          >
            {milestones.data!.length === 0 ? (
              <EmptyState title="No milestones yet" />
            ) : (
              <Chart
                data={rows}
                categoryKey="label"
                layout="bars"
                height={200}
                categoryWidth={124}
                label="Milestones in each phase by status"
                series={[
                  { key: 'done', label: 'Done', color: 'var(--chart-done)', kind: 'bar', stackId: 's' },
                  { key: 'in_progress', label: 'In progress', color: 'var(--chart-progress)', kind: 'bar', stackId: 's' },
                  { key: 'blocked', label: 'Blocked', color: 'var(--chart-blocked)', kind: 'bar', stackId: 's' },
                  { key: 'planned', label: 'Planned', color: 'var(--chart-planned)', kind: 'bar', stackId: 's' },
                ]}
              />
            )}
            <h3 style={{ marginTop: '1rem' }}>Overdue</h3>
            {overdue.length === 0 ? (
              <p className="muted">Nothing overdue.</p>
            ) : (
              <DataTable
                caption="Overdue milestones"
                captionHidden
                rows={overdue}
                rowKey={(m) => m.id}
                columns={[
                  { key: 'title', header: 'Milestone', rowHeader: true, cell: (m) => m.title },
                  { key: 'phase', header: 'Phase', cell: (m) => PHASE_LABELS[m.phase] },
                  { key: 'due', header: 'Due', cell: (m) => formatDate(m.dueDate) },
                  { key: 'late', header: 'Days late', numeric: true, cell: (m) => m.daysLate },
                  { key: 'owner', header: 'Owner', cell: (m) => m.owner ?? '—' },
                ]}
              />
            )}
          </ChartCard>
        );
      }}
    </Pending>
  );
}

function LadderCard({ summary }: { summary: Summary }) {
  const rows = ladderRows(summary.handovers.byStatus);
  return (
    <ChartCard
      id="ladder"
      title="Handover ladder"
      summary={`${summary.handovers.total} responsibilities; ${percent(summary.handovers.acceptedShare)} accepted by a lead.`}
      columns={[
        { header: 'Step', value: (r) => r.label },
        { header: 'Handovers', value: (r) => r.count, numeric: true },
      ]}
      rows={rows}
      filename="handover-ladder.csv"
    >
      {summary.handovers.total === 0 ? (
        <EmptyState title="No handovers logged yet" />
      ) : (
        <Chart
          data={rows}
          categoryKey="label"
          layout="bars"
          height={220}
          categoryWidth={124}
          label="Number of handovers at each step of the ladder"
          series={[{ key: 'count', label: 'Handovers', color: 'var(--chart-in-house)', kind: 'bar' }]}
        />
      )}
    </ChartCard>
  );
}

function CoverageCard({ planId }: { planId: string }) {
  const coverage = useCoverage(planId);
  const title = 'Coverage per skill';
  return (
    <Pending query={coverage} title={title}>
      {() => {
        const rows = coverageRows(coverage.data!.items);
        return (
          <ChartCard
            id="coverage"
            title={title}
            summary={`${percent(coverage.data!.totals.closedShare)} of the required people are qualified; ${coverage.data!.totals.gap} missing.`}
            columns={[
              { header: 'Skill', value: (r) => r.name },
              { header: 'Level required', value: (r) => r.requiredLevel, numeric: true },
              { header: 'Required people', value: (r) => r.required, numeric: true },
              { header: 'Qualified', value: (r) => r.qualified, numeric: true },
              { header: 'Gap', value: (r) => r.gap, numeric: true },
            ]}
            rows={rows}
            filename="skills-coverage.csv"
          >
            {rows.length === 0 ? (
              <EmptyState title="No skills defined yet" />
            ) : (
              <Chart
                data={rows}
                categoryKey="name"
                layout="bars"
                height={Math.max(160, rows.length * 34 + 40)}
                categoryWidth={150}
                label="Qualified people and the gap for each skill"
                series={[
                  { key: 'qualified', label: 'Qualified', color: 'var(--chart-in-house)', kind: 'bar', stackId: 'c' },
                  { key: 'gap', label: 'Gap', color: 'var(--chart-blocked)', kind: 'bar', stackId: 'c' },
                ]}
              />
            )}
          </ChartCard>
        );
      }}
    </Pending>
  );
}

function HeatMap({ matrix }: { matrix: Matrix }) {
  const levels = new Map(matrix.cells.map((c) => [`${c.personId}:${c.skillId}`, c.level]));
  const rows = matrix.people.map((p) => ({ person: p, levels: matrix.skills.map((s) => levels.get(`${p.id}:${s.id}`) ?? 0) }));
  return (
    <ChartCard
      id="heatmap"
      title="Skills heat map"
      summary="Current level of each person in each skill, 0 (none) to 4 (can teach); a dashed outline marks a level below the requirement."
      columns={[
        { header: 'Person', value: (r: (typeof rows)[number]) => r.person.name },
        ...matrix.skills.map((s, i) => ({ header: s.name, value: (r: (typeof rows)[number]) => r.levels[i] ?? 0, numeric: true })),
      ]}
      rows={rows}
      filename="skills-matrix.csv"
    >
      {rows.length === 0 || matrix.skills.length === 0 ? (
        <EmptyState title="No people or skills yet" />
      ) : (
        <div className="table-wrap heatmap" tabIndex={0} role="region" aria-label="Skills heat map" data-chart="drawn">
          <table>
            <caption className="visually-hidden">Skill levels, people by skills</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                {matrix.skills.map((s) => (
                  <th key={s.id} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.person.id}>
                  <th scope="row">{r.person.name}</th>
                  {r.levels.map((level, i) => (
                    <td key={matrix.skills[i]!.id} className={`heat heat-${level} ${level < matrix.skills[i]!.requiredLevel ? 'heat--below' : ''}`}>
                      {level}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ChartCard>
  );
}

function HeatMapCard({ planId, canRead }: { planId: string; canRead: boolean }) {
  const matrix = useMatrix(planId, canRead);
  if (!canRead)
    return (
      <section className="card" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">Skills heat map</h2>
        <p className="muted">Individual skill levels are visible to leads and executives only.</p>
      </section>
    );
  return <Pending query={matrix} title="Skills heat map">{() => <HeatMap matrix={matrix.data!} />}</Pending>;
}

function AdoptionCard({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const adoption = useAdoption(plan.id);
  const title = 'Internal adoption';
  return (
    <Pending query={adoption} title={title}>
      {() => {
        const target = plan.targets.internalAdoption;
        const rows = adoptionRows(adoption.data!.items, target);
        const latest = rows[rows.length - 1];
        return (
          <ChartCard
            id="adoption"
            title={title}
            summary={
              latest
                ? `${percent(latest.share)} of staff active on internal channels in the week of ${formatDate(latest.weekStart)} (target ${percent(target)}).`
                : 'No adoption samples recorded yet.'
            }
            columns={[
              { header: 'Week of', value: (r) => r.weekStart },
              { header: 'Active users', value: (r) => r.activeUsers, numeric: true },
              { header: 'Staff', value: (r) => r.totalStaff, numeric: true },
              { header: 'Share', value: (r) => percent(r.share, 1), numeric: true },
            ]}
            rows={rows}
            filename="internal-adoption.csv"
          >
            {rows.length === 0 ? (
              <EmptyState title="No adoption samples yet" />
            ) : (
              <Chart
                data={rows}
                categoryKey="weekStart"
                height={240}
                label="Weekly share of staff active on internal channels, with the target"
                formatCategory={formatShortDate}
                formatLeft={(v) => percent(v)}
                leftDomain={[0, 1]}
                series={[{ key: 'share', label: 'Active share', color: 'var(--chart-in-house)', kind: 'line' }]}
                references={[{ y: target, label: `Target ${percent(target)}`, color: 'var(--chart-target)' }]}
              />
            )}
            {canEdit ? (
              <details className="no-print" style={{ marginTop: '0.5rem' }}>
                <summary>Record a week</summary>
                <AdoptionForm planId={plan.id} />
              </details>
            ) : null}
          </ChartCard>
        );
      }}
    </Pending>
  );
}

export function OverviewView({ plan, canReadMatrix, canEdit, asOf }: { plan: Plan; canReadMatrix: boolean; canEdit: boolean; asOf?: string }) {
  const summary = useSummary(plan.id, asOf);
  if (summary.isPending) return <Loading label="Loading the overview…" />;
  if (summary.isError) return <ErrorState error={summary.error} title="The overview could not be loaded" onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  return (
    <div className="stack">
      {asOf ? (
        <p className="alert alert--info">
          Showing the summary as of {formatDate(s.asOf)}. The skills heat map and coverage show today&apos;s levels.
        </p>
      ) : null}
      <div className="grid">
        <Readiness summary={s} />
        <Gates summary={s} />
        <ExitDates summary={s} plan={plan} />
      </div>
      <PostsChart summary={s} plan={plan} />
      <div className="grid grid--wide">
        <MilestonesCard planId={plan.id} asOf={s.asOf} />
        <LadderCard summary={s} />
      </div>
      <div className="grid grid--wide">
        <HeatMapCard planId={plan.id} canRead={canReadMatrix} />
        <CoverageCard planId={plan.id} />
      </div>
      <AdoptionCard plan={plan} canEdit={canEdit} />
    </div>
  );
}
