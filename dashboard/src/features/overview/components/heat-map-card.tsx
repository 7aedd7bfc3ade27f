import type { Matrix } from '@handover/shared';
import { useMemo } from 'react';
import { useMatrix } from '../../../api/skills/get-matrix';
import { ChartCard } from '../../../components/chart/chart-card';
import { HeatMap, matrixRows, type MatrixRow } from '../../../components/chart/heat-map';
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
  // Shaped once per answer: 50 people × 30 skills is 1,500 cells, read by the drawing and the table.
  const rows = useMemo(() => matrixRows(matrix), [matrix]);
  const columns = useMemo(
    () => [
      { header: 'Person', value: (r: MatrixRow) => r.name },
      ...matrix.skills.map((s) => ({ header: s.name, value: (r: MatrixRow) => r.levels[s.id] ?? 0, numeric: true })),
    ],
    [matrix],
  );
  return (
    <ChartCard
      id="heatmap"
      title={TITLE}
      summary={
        `Each person's level in each skill on ${formatDate(asOf)}, 0 (none) to 4 (can teach); a dashed outline marks a level below the requirement.` +
        // The matrix answers a page of people (at most 200): say so when there are more.
        (matrix.total > matrix.people.length ? ` Showing the first ${matrix.people.length} of ${matrix.total} people, by name.` : '')
      }
      columns={columns}
      rows={rows}
      table="skills-matrix"
    >
      {rows.length === 0 || matrix.skills.length === 0 ? (
        <EmptyState title="No people or skills yet" />
      ) : (
        <HeatMap matrix={matrix} rows={rows} label={TITLE} caption="Skill levels, people by skills" drawn />
      )}
    </ChartCard>
  );
}
