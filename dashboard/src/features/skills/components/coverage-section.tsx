import { LEVEL_NAMES, type CoverageItem, type UpdateSkill } from '@handover/shared';
import type { ReactNode } from 'react';
import { useCoverage } from '../../../api/skills/get-coverage';
import { useDeleteSkill } from '../../../api/skills/delete-skill';
import { useUpdateSkill } from '../../../api/skills/update-skill';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn, type Column } from '../../../components/ui/data-table';
import { RemoveButton } from '../../../components/ui/remove-button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import type { Notices } from '../../../lib/notice';
import { AddSkillForm } from './add-skill-form';
import { RequiredLevelOptions } from './level-options';

/** What a page needs to show something of a skill beside it. */
export type SkillRef = { skillId: string; name: string };
type SessionsOf = (skill: SkillRef) => ReactNode;

/** Each skill's requirement and how far the team meets it; leads edit the requirements in place. */
export function CoverageSection({ planId, canEdit, notices, sessionsOf }: { planId: string; canEdit: boolean; notices: Notices; sessionsOf?: SessionsOf }) {
  const coverage = useCoverage(planId);
  return (
    <section className="card stack" aria-labelledby="requirements">
      <h2 id="requirements">Skill requirements and coverage</h2>
      <QueryState
        query={coverage}
        loadingLabel="Loading skills…"
        isEmpty={(d) => d.items.length === 0}
        empty={<EmptyState title="No skills defined yet">{canEdit ? <p>Add the skills the team needs to run the channels.</p> : null}</EmptyState>}
      >
        {(data) => (
          <>
            <p className="muted small">
              {data.totals.gap === 0 ? 'Every requirement is covered.' : `${data.totals.gap} of ${data.totals.required} required people still missing`} ·{' '}
              {Math.round(data.totals.closedShare * 100)}% of the gap closed.
            </p>
            <RequirementsTable planId={planId} items={data.items} canEdit={canEdit} notices={notices} sessionsOf={sessionsOf} />
          </>
        )}
      </QueryState>
      {canEdit ? (
        <details>
          <summary>Add a skill</summary>
          <AddSkillForm planId={planId} notices={notices} />
        </details>
      ) : null}
    </section>
  );
}

function RequirementsTable({
  planId,
  items,
  canEdit,
  notices,
  sessionsOf,
}: {
  planId: string;
  items: CoverageItem[];
  canEdit: boolean;
  notices: Notices;
  sessionsOf?: SessionsOf;
}) {
  const remove = useDeleteSkill(planId);
  const update = useUpdateSkill(planId);
  const save = (s: CoverageItem, body: UpdateSkill, what: string) =>
    notices.run(
      () => update.mutateAsync({ id: s.skillId, body }),
      () => `${s.name}: ${what}.`,
      (message) => `${s.name}: ${message}`,
    );
  const columns: Column<CoverageItem>[] = [
    {
      key: 'name',
      header: 'Skill',
      rowHeader: true,
      cell: (s) => (
        <>
          {s.name} {s.critical ? <Badge value="blocked" label="critical" /> : null}
          {canEdit ? (
            <label className="field--inline small">
              <input
                type="checkbox"
                checked={s.critical}
                onChange={(e) => void save(s, { critical: e.target.checked }, e.target.checked ? 'now critical' : 'no longer critical')}
              />
              Critical<span className="visually-hidden"> ({s.name})</span>
            </label>
          ) : null}
          {s.category ? <div className="muted small">{s.category}</div> : null}
        </>
      ),
    },
    {
      key: 'level',
      header: 'Level required',
      cell: (s) =>
        canEdit ? (
          <select
            aria-label={`Level required for ${s.name}`}
            value={s.requiredLevel}
            onChange={(e) => void save(s, { requiredLevel: Number(e.target.value) }, `level required is now ${e.target.value}`)}
            style={{ minWidth: '9rem' }}
          >
            <RequiredLevelOptions />
          </select>
        ) : (
          `${s.requiredLevel} – ${LEVEL_NAMES[s.requiredLevel] ?? ''}`
        ),
    },
    {
      key: 'needed',
      header: 'Needed',
      numeric: true,
      cell: (s) =>
        canEdit ? (
          <input
            type="number"
            min={1}
            inputMode="numeric"
            aria-label={`People needed for ${s.name}`}
            defaultValue={s.requiredPeople}
            key={`${s.skillId}-${s.requiredPeople}`}
            style={{ width: '5rem' }}
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (n !== s.requiredPeople) void save(s, { requiredPeople: n }, `${n} people needed`);
            }}
          />
        ) : (
          s.requiredPeople
        ),
    },
    { key: 'qualified', header: 'Qualified', numeric: true, cell: (s) => s.qualifiedPeople },
    { key: 'gap', header: 'Gap', numeric: true, cell: (s) => (s.gap ? <strong>{s.gap}</strong> : 0) },
  ];
  if (sessionsOf) columns.push({ key: 'sessions', header: 'Knowledge transfer', cell: (s) => sessionsOf({ skillId: s.skillId, name: s.name }) });
  if (canEdit)
    columns.push(
      actionsColumn((s) => (
        <RemoveButton
          name={`the skill “${s.name}”`}
          consequence={`The requirement and every assessment in “${s.name}” are deleted. This cannot be undone.`}
          onRemove={() => void notices.run(() => remove.mutateAsync(s.skillId), () => `Removed the skill “${s.name}”.`, undefined, { focusDone: true })}
        />
      )),
    );
  return <DataTable<CoverageItem> caption="Requirements" captionHidden rows={items} rowKey={(s) => s.skillId} columns={columns} />;
}
