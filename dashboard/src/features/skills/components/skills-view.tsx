import {
  CreatePersonSchema,
  CreateSkillSchema,
  LEVEL_NAMES,
  type Assessment,
  type CoverageItem,
  type CreateSkill,
  type Person,
  type UpdateSkill,
} from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Badge } from '../../../components/ui/badge';
import { DataTable } from '../../../components/ui/data-table';
import { Field, FormError } from '../../../components/ui/field';
import { EmptyState, ErrorState, Loading, QueryState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/api-client';
import { formatInstant } from '../../../lib/format';
import { applyServerErrors, blankToNull, sharedResolver } from '../../../lib/form';
import { useCreateAssessment } from '../api/create-assessment';
import { useCreatePerson } from '../api/create-person';
import { useCreateSkill } from '../api/create-skill';
import { useDeletePerson } from '../api/delete-person';
import { useDeleteSkill } from '../api/delete-skill';
import { useAssessments } from '../api/get-assessments';
import { useCoverage } from '../api/get-coverage';
import { useMatrix } from '../api/get-matrix';
import { usePeople } from '../api/get-people';
import { useUpdateSkill } from '../api/update-skill';
import { matrixRows } from '../utils/matrix';

type Notify = (kind: 'success' | 'error', text: string) => void;

type SkillValues = { name: string; category: string; requiredLevel: string; requiredPeople: string; critical: boolean };
export const toCreateSkill = (v: SkillValues): CreateSkill => ({
  name: v.name,
  category: blankToNull(v.category),
  requiredLevel: Number(v.requiredLevel),
  requiredPeople: v.requiredPeople.trim() === '' ? Number.NaN : Number(v.requiredPeople),
  critical: v.critical,
});

function AddSkillForm({ planId, notify }: { planId: string; notify: Notify }) {
  const create = useCreateSkill(planId);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<SkillValues>({
    resolver: sharedResolver(CreateSkillSchema, toCreateSkill),
    defaultValues: { name: '', category: '', requiredLevel: '3', requiredPeople: '1', critical: false },
  });
  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    try {
      const s = await create.mutateAsync(toCreateSkill(v));
      reset();
      notify('success', `Added the skill “${s.name}”.`);
    } catch (err) {
      if (!applyServerErrors(err, setError, ['name', 'category', 'requiredLevel', 'requiredPeople', 'critical'])) setFormError(errorMessage(err));
    }
  });
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Add a skill">
      <FormError message={formError} />
      <div className="form-grid">
        <Field label="Skill" error={e.name?.message}>
          <input {...register('name')} />
        </Field>
        <Field label="Category (optional)" error={e.category?.message}>
          <input {...register('category')} />
        </Field>
        <Field label="Level required" error={e.requiredLevel?.message}>
          <select {...register('requiredLevel')}>
            {[1, 2, 3, 4].map((l) => (
              <option key={l} value={l}>
                {l} – {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="People needed" error={e.requiredPeople?.message}>
          <input type="number" min={1} inputMode="numeric" {...register('requiredPeople')} />
        </Field>
        <label className="field--inline">
          <input type="checkbox" {...register('critical')} /> Critical for the exit
        </label>
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
          Add skill
        </button>
      </div>
    </form>
  );
}

function AddPersonForm({ planId, notify }: { planId: string; notify: Notify }) {
  const create = useCreatePerson(planId);
  const [formError, setFormError] = useState<string | null>(null);
  type Values = { name: string; title: string };
  const toBody = (v: Values) => ({ name: v.name, title: blankToNull(v.title) });
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: sharedResolver(CreatePersonSchema, toBody),
    defaultValues: { name: '', title: '' },
  });
  const onSubmit = handleSubmit(async (v) => {
    setFormError(null);
    try {
      const p = await create.mutateAsync(toBody(v));
      reset();
      notify('success', `Added ${p.name} to the team.`);
    } catch (err) {
      if (!applyServerErrors(err, setError, ['name', 'title'])) setFormError(errorMessage(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="filters" aria-label="Add a person">
      <FormError message={formError} />
      <Field label="Name" error={formState.errors.name?.message}>
        <input {...register('name')} />
      </Field>
      <Field label="Job title (optional)" error={formState.errors.title?.message}>
        <input {...register('title')} />
      </Field>
      <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
        Add person
      </button>
    </form>
  );
}

function CoverageSection({ planId, canEdit, notify }: { planId: string; canEdit: boolean; notify: Notify }) {
  const coverage = useCoverage(planId);
  const remove = useDeleteSkill(planId);
  const update = useUpdateSkill(planId);
  const save = (s: CoverageItem, body: UpdateSkill, what: string) =>
    update.mutateAsync({ id: s.skillId, body }).then(
      () => notify('success', `${s.name}: ${what}.`),
      (err: unknown) => notify('error', `${s.name}: ${errorMessage(err)}`),
    );
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
            <DataTable<CoverageItem>
              caption="Requirements"
              captionHidden
              rows={data.items}
              rowKey={(s) => s.skillId}
              columns={[
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
                        {[1, 2, 3, 4].map((l) => (
                          <option key={l} value={l}>
                            {l} – {LEVEL_NAMES[l]}
                          </option>
                        ))}
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
                ...(canEdit
                  ? [
                      {
                        key: 'remove',
                        header: <span className="visually-hidden">Actions</span>,
                        cell: (s: CoverageItem) => (
                          <button
                            type="button"
                            className="button--small button--danger"
                            onClick={() =>
                              remove.mutateAsync(s.skillId).then(
                                () => notify('success', `Removed the skill “${s.name}”.`),
                                (err: unknown) => notify('error', errorMessage(err)),
                              )
                            }
                          >
                            Remove<span className="visually-hidden"> {s.name}</span>
                          </button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        )}
      </QueryState>
      {canEdit ? (
        <details>
          <summary>Add a skill</summary>
          <AddSkillForm planId={planId} notify={notify} />
        </details>
      ) : null}
    </section>
  );
}

function MatrixSection({ planId, canEdit, notify }: { planId: string; canEdit: boolean; notify: Notify }) {
  const matrix = useMatrix(planId);
  const assess = useCreateAssessment(planId);
  if (matrix.isPending) return <Loading label="Loading the matrix…" />;
  if (matrix.isError) return <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const { skills } = matrix.data;
  const rows = matrixRows(matrix.data);
  if (!skills.length || !rows.length)
    return <EmptyState title="The matrix needs at least one person and one skill" />;
  const handleLevel = async (personId: string, personName: string, skillId: string, skillName: string, level: number) => {
    try {
      await assess.mutateAsync({ personId, skillId, level });
      notify('success', `${personName} is now at level ${level} (${LEVEL_NAMES[level]}) in ${skillName}.`);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };
  return (
    <div className="table-wrap heatmap" tabIndex={0} role="region" aria-label="Skills matrix">
      <table>
        <caption className="visually-hidden">Current level of each person in each skill (0 none … 4 can teach)</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {skills.map((s) => (
              <th key={s.id} scope="col">
                {s.name}
                <div className="muted small">needs {s.requiredLevel}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personId}>
              <th scope="row">
                {r.name}
                {r.title ? <div className="muted small">{r.title}</div> : null}
              </th>
              {skills.map((s) => {
                const level = r.levels[s.id] ?? 0;
                return (
                  <td key={s.id} className={`heat heat-${level} ${level < s.requiredLevel ? 'heat--below' : ''}`}>
                    {canEdit ? (
                      <select
                        aria-label={`Level of ${r.name} in ${s.name}`}
                        value={level}
                        onChange={(e) => void handleLevel(r.personId, r.name, s.id, s.name, Number(e.target.value))}
                        style={{ minWidth: '8.5rem' }}
                      >
                        {LEVEL_NAMES.map((name, l) => (
                          <option key={l} value={l}>
                            {l} {name}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span title={LEVEL_NAMES[level]}>{level}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PeopleSection({ planId, canEdit, notify }: { planId: string; canEdit: boolean; notify: Notify }) {
  const people = usePeople(planId);
  const remove = useDeletePerson(planId);
  return (
    <section className="card stack" aria-labelledby="people">
      <h2 id="people">People</h2>
      {canEdit ? <AddPersonForm planId={planId} notify={notify} /> : null}
      <QueryState query={people} loadingLabel="Loading people…" isEmpty={(d) => d.length === 0} empty={<EmptyState title="No people yet" />}>
        {(items) => (
          <DataTable<Person>
            caption="The in-house team"
            captionHidden
            rows={items}
            rowKey={(p) => p.id}
            columns={[
              { key: 'name', header: 'Name', rowHeader: true, cell: (p) => p.name },
              { key: 'title', header: 'Job title', cell: (p) => p.title ?? '—' },
              ...(canEdit
                ? [
                    {
                      key: 'remove',
                      header: <span className="visually-hidden">Actions</span>,
                      cell: (p: Person) => (
                        <button
                          type="button"
                          className="button--small button--danger"
                          onClick={() =>
                            remove.mutateAsync(p.id).then(
                              () => notify('success', `Removed ${p.name} and their assessments.`),
                              (err: unknown) => notify('error', errorMessage(err)),
                            )
                          }
                        >
                          Remove<span className="visually-hidden"> {p.name}</span>
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

function RecentAssessments({ planId }: { planId: string }) {
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

export function SkillsView({ planId, canEdit, canReadSensitive }: { planId: string; canEdit: boolean; canReadSensitive: boolean }) {
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const notify: Notify = (kind, text) => setMessage({ kind, text });
  return (
    <div className="stack">
      <div aria-live="polite">
        {message ? (
          <p className={`alert alert--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
      </div>
      <CoverageSection planId={planId} canEdit={canEdit} notify={notify} />
      {canReadSensitive ? (
        <section className="card stack" aria-labelledby="matrix">
          <h2 id="matrix">Skills matrix</h2>
          <p className="muted small">
            Levels: {LEVEL_NAMES.map((n, i) => `${i} ${n}`).join(', ')}. A dashed outline marks a level below what the skill needs.
            {canEdit ? ' Changing a level records a new assessment; the history is kept.' : ''}
          </p>
          <MatrixSection planId={planId} canEdit={canEdit} notify={notify} />
          <h3>Latest assessments</h3>
          <RecentAssessments planId={planId} />
        </section>
      ) : null}
      <PeopleSection planId={planId} canEdit={canEdit} notify={notify} />
    </div>
  );
}
