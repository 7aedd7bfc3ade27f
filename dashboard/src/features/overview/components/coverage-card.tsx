import type { Coverage } from '@handover/shared';
import { useMemo } from 'react';
import { useCoverage } from '../../../api/skills/get-coverage';
import { Chart, type Series } from '../../../components/chart/chart';
import { ChartCard } from '../../../components/chart/chart-card';
import { percent } from '../../../lib/format';
import { coverageRows } from '../utils/series';
import { CardQuery } from './card-query';

const TITLE = 'Coverage per skill';
const SERIES: Series[] = [
  { key: 'qualified', label: 'Qualified', color: 'var(--chart-in-house)', kind: 'bar', stackId: 'c' },
  { key: 'gap', label: 'Gap', color: 'var(--chart-blocked)', kind: 'bar', stackId: 'c' },
];

/** Qualified people against the number each skill needs on the day shown, critical skills first. */
export function CoverageCard({ planId, asOf }: { planId: string; asOf: string }) {
  const coverage = useCoverage(planId, asOf);
  return (
    <CardQuery title={TITLE} query={coverage}>
      {(data) => <CoverageChart coverage={data} />}
    </CardQuery>
  );
}

function CoverageChart({ coverage }: { coverage: Coverage }) {
  const rows = useMemo(() => coverageRows(coverage.items), [coverage.items]);
  return (
    <ChartCard
      id="coverage"
      title={TITLE}
      summary={`${percent(coverage.totals.closedShare)} of the required people are qualified; ${coverage.totals.gap} missing.`}
      columns={[
        { header: 'Skill', value: (r) => r.name },
        { header: 'Level required', value: (r) => r.requiredLevel, numeric: true },
        { header: 'Required people', value: (r) => r.required, numeric: true },
        { header: 'Qualified', value: (r) => r.qualified, numeric: true },
        { header: 'Gap', value: (r) => r.gap, numeric: true },
      ]}
      rows={rows}
      table="skills-coverage"
    >
      <Chart
        emptyTitle="No skills defined yet"
        data={rows}
        categoryKey="name"
        layout="bars"
        height={Math.max(160, rows.length * 44 + 40)}
        categoryWidth={170}
        label="Qualified people and the gap for each skill"
        series={SERIES}
      />
    </ChartCard>
  );
}
