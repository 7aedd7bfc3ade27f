import type { Matrix } from '@handover/shared';
import { useMatrix } from '../../../api/skills/get-matrix';
import { ChartCard } from '../../../components/chart/chart-card';
import { HeatMap, matrixRows } from '../../../components/chart/heat-map';
import { EmptyState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';
import { CardQuery } from './card-query';

const TITLE = 'Skills heat map';

/** Each person's level in each skill on the day shown; only leads and executives may see individual levels. */
export function HeatMapCard({ planId, canRead, asOf }: { planId: string; canRead: boolean; asOf: string }) {
  const matrix = useMatrix(planId, { asOf, enabled: canRead });
  if (!canRead)
    return (
      <section className="card" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">{TITLE}</h2>
        <p className="muted">Individual skill levels are visible to leads and executives only.</p>
      </section>
    );
  return (
    <CardQuery title={TITLE} query={matrix}>
      {(data) => <HeatMapChart matrix={data} asOf={asOf} />}
    </CardQuery>
  );
}

function HeatMapChart({ matrix, asOf }: { matrix: Matrix; asOf: string }) {
  const rows = matrixRows(matrix);
  return (
    <ChartCard
      id="heatmap"
      title={TITLE}
      summary={`Each person's level in each skill on ${formatDate(asOf)}, 0 (none) to 4 (can teach); a dashed outline marks a level below the requirement.`}
      columns={[
        { header: 'Person', value: (r: (typeof rows)[number]) => r.name },
        ...matrix.skills.map((s) => ({ header: s.name, value: (r: (typeof rows)[number]) => r.levels[s.id] ?? 0, numeric: true })),
      ]}
      rows={rows}
      table="skills-matrix"
    >
      {rows.length === 0 || matrix.skills.length === 0 ? (
        <EmptyState title="No people or skills yet" />
      ) : (
        <HeatMap matrix={matrix} label={TITLE} caption="Skill levels, people by skills" drawn />
      )}
    </ChartCard>
  );
}
