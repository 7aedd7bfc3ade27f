import { PHASE_LABELS } from '@handover/shared';
import { DataTable } from '../../../../components/ui/data-table';
import { formatDate } from '../../../../lib/format';
import type { TimelineBar } from '../../utils/timeline';
import { baselineText, startText, stateText } from './bar-text';

/** The timeline as a table: the same bars in words, for screen readers and anyone who prefers to read. */
export function TimelineTable({ bars, titleOf }: { bars: TimelineBar[]; titleOf: (id: string) => string }) {
  return (
    <DataTable<TimelineBar>
      caption="The timeline as a table"
      rows={bars}
      rowKey={(b) => b.milestone.id}
      columns={[
        { key: 'title', header: 'Milestone', rowHeader: true, cell: (b) => b.milestone.title },
        { key: 'phase', header: 'Phase', cell: (b) => PHASE_LABELS[b.milestone.phase] },
        { key: 'start', header: 'Starts', cell: startText },
        { key: 'due', header: 'Due', cell: (b) => formatDate(b.due) },
        { key: 'baseline', header: 'Baseline', cell: baselineText },
        { key: 'state', header: 'Status', cell: stateText },
        {
          key: 'deps',
          header: 'Depends on',
          cell: (b) => (b.milestone.dependsOn.length ? b.milestone.dependsOn.map(titleOf).join(', ') : '—'),
        },
      ]}
    />
  );
}
