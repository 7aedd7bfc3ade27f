import { LEVEL_NAMES } from '@handover/shared';
import { useCreateAssessment } from '../../../api/assessments/create-assessment';
import { useMatrix } from '../../../api/skills/get-matrix';
import { HeatMap } from '../../../components/chart/heat-map';
import { EmptyState, QueryState } from '../../../components/ui/states';
import type { Notices } from '../../../lib/notice';
import { LevelOptions } from './level-options';
import { RecentAssessments } from './recent-assessments';

/** Leads and executives: everyone's level in every skill; a lead's change records an assessment. */
export function MatrixSection({ planId, canEdit, notices }: { planId: string; canEdit: boolean; notices: Notices }) {
  return (
    <section className="card stack" aria-labelledby="matrix">
      <h2 id="matrix">Skills matrix</h2>
      <p className="muted small">
        Levels: {LEVEL_NAMES.map((n, i) => `${i} ${n}`).join(', ')}. A dashed outline marks a level below what the skill needs.
        {canEdit ? ' Changing a level records a new assessment; the history is kept.' : ''}
      </p>
      <Matrix planId={planId} canEdit={canEdit} notices={notices} />
      <h3>Latest assessments</h3>
      <RecentAssessments planId={planId} />
    </section>
  );
}

function Matrix({ planId, canEdit, notices }: { planId: string; canEdit: boolean; notices: Notices }) {
  const matrix = useMatrix(planId);
  const assess = useCreateAssessment(planId);
  return (
    <QueryState
      query={matrix}
      loadingLabel="Loading the matrix…"
      isEmpty={(m) => m.skills.length === 0 || m.people.length === 0}
      empty={<EmptyState title="The matrix needs at least one person and one skill" />}
    >
      {(data) => (
        <>
        {data.total > data.people.length && (
          <p className="muted small">
            Showing the first {data.people.length} of {data.total} people, by name.
          </p>
        )}
        <HeatMap
          matrix={data}
          label="Skills matrix"
          caption="Current level of each person in each skill (0 none … 4 can teach)"
          skillNote={(s) => <div className="muted small">needs {s.requiredLevel}</div>}
          personNote={(r) => (r.title ? <div className="muted small">{r.title}</div> : null)}
          cell={(r, s, level) =>
            canEdit ? (
              <select
                aria-label={`Level of ${r.name} in ${s.name}`}
                value={level}
                onChange={(e) => {
                  const next = Number(e.target.value);
                  void notices.run(
                    () => assess.mutateAsync({ personId: r.personId, skillId: s.id, level: next }),
                    () => `${r.name} is now at level ${next} (${LEVEL_NAMES[next]}) in ${s.name}.`,
                  );
                }}
                style={{ minWidth: '8.5rem' }}
              >
                <LevelOptions />
              </select>
            ) : (
              <span title={LEVEL_NAMES[level]}>{level}</span>
            )
          }
        />
        </>
      )}
    </QueryState>
  );
}
