import type { Summary } from '@handover/shared';
import { ChartCard } from '../../../components/chart/chart-card';
import { readableDates } from '../../../lib/format';
import { plainMessage } from '../../../lib/messages';
import { orderedGates } from '../utils/series';

export function GatesCard({ summary }: { summary: Summary }) {
  // The server's evidence, in the words and date format of every other page.
  const gates = orderedGates(summary.gates).map((g) => ({ ...g, detail: readableDates(plainMessage(g.detail)) }));
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
      table="gates"
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
