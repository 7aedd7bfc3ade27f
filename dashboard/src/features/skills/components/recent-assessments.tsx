import { LEVEL_NAMES, type Assessment } from '@handover/shared';
import { useAssessments } from '../../../api/assessments/get-assessments';
import { usePeople } from '../../../api/people/get-people';
import { useCoverage } from '../../../api/skills/get-coverage';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant } from '../../../lib/format';

/** The latest assessments, named by person and skill. */
export function RecentAssessments({ planId }: { planId: string }) {
  const assessments = useAssessments(planId);
  const people = usePeople(planId);
  const coverage = useCoverage(planId);
  const personName = (id: string) => people.data?.find((p) => p.id === id)?.name ?? '…';
  const skillName = (id: string) => coverage.data?.items.find((s) => s.skillId === id)?.name ?? '…';
  return (
    <QueryState query={assessments} loadingLabel="Loading assessments…" isEmpty={(d) => d.items.length === 0} empty={<EmptyState title="No assessments yet" />}>
      {(page) => (
        <DataTable<Assessment>
          caption="Latest assessments"
          captionHidden
          rows={page.items}
          rowKey={(a) => a.id}
          columns={[
            { key: 'when', header: 'Assessed', rowHeader: true, cell: (a) => formatInstant(a.assessedAt) },
            { key: 'person', header: 'Person', cell: (a) => personName(a.personId) },
            { key: 'skill', header: 'Skill', cell: (a) => skillName(a.skillId) },
            { key: 'level', header: 'Level', cell: (a) => `${a.level} – ${LEVEL_NAMES[a.level] ?? ''}` },
            { key: 'by', header: 'By', cell: (a) => a.assessedBy.email },
          ]}
        />
      )}
    </QueryState>
  );
}
