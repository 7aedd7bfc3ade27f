import {
  CreateMilestoneSchema,
  MilestoneStatusSchema,
  PHASES,
  UpdateMilestoneSchema,
  type Milestone,
} from '@handover/shared';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Dialog } from '../../../components/ui/dialog';
import { Field, FormError } from '../../../components/ui/field';
import { errorMessage, isApiError, newIdempotencyKey } from '../../../lib/api-client';
import { formatDate, formatInstant, humanize } from '../../../lib/format';
import { applyServerErrors, sharedResolver } from '../../../lib/form';
import { useCreateMilestone } from '../api/create-milestone';
import { useDeleteMilestone } from '../api/delete-milestone';
import { getMilestone } from '../api/get-milestone';
import { useUpdateMilestone } from '../api/update-milestone';
import {
  MILESTONE_FIELDS,
  emptyMilestoneValues,
  milestoneToValues,
  toCreateMilestone,
  toUpdateMilestone,
  type MilestoneFormValues,
} from '../utils/milestones';

type Props = {
  planId: string;
  /** The milestone being edited; absent when creating. */
  milestone?: Milestone;
  all: Milestone[];
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Create or edit a milestone; a stale edit (412) opens a dialog with the current version. */
export function MilestoneForm({ planId, milestone, all, onDone, onCancel }: Props) {
  const [base, setBase] = useState<Milestone | undefined>(milestone);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Milestone | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [depFilter, setDepFilter] = useState('');
  const create = useCreateMilestone(planId);
  const update = useUpdateMilestone(planId);
  const remove = useDeleteMilestone(planId);
  const editing = base !== undefined;

  // The resolver reads the base through a ref: after a reload (412) it must diff against the new version.
  const baseRef = useRef(base);
  baseRef.current = base;
  const [resolver] = useState(() =>
    milestone
      ? sharedResolver(UpdateMilestoneSchema, (v: MilestoneFormValues) => toUpdateMilestone(v, baseRef.current ?? milestone))
      : sharedResolver(CreateMilestoneSchema, toCreateMilestone),
  );
  const { register, handleSubmit, formState, setError, reset, watch } = useForm<MilestoneFormValues>({
    resolver,
    defaultValues: base ? milestoneToValues(base) : emptyMilestoneValues(),
  });
  const errors = formState.errors;
  const selectedDeps = watch('dependsOn') ?? [];

  const candidates = all
    .filter((m) => m.id !== base?.id)
    .filter((m) => !depFilter.trim() || m.title.toLowerCase().includes(depFilter.trim().toLowerCase()) || selectedDeps.includes(m.id));

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (base) {
        const body = toUpdateMilestone(values, base);
        if (Object.keys(body).length === 0) {
          onDone('Nothing changed.');
          return;
        }
        const saved = await update.mutateAsync({ id: base.id, version: base.version, body });
        onDone(`Saved “${saved.title}”.`);
      } else {
        const saved = await create.mutateAsync({ body: toCreateMilestone(values), key: idempotencyKey });
        onDone(`Created “${saved.title}”.`);
      }
    } catch (err) {
      if (isApiError(err) && err.status === 412 && base) {
        try {
          setConflict(await getMilestone(planId, base.id));
        } catch (inner) {
          setFormError(errorMessage(inner));
        }
        return;
      }
      if (!applyServerErrors(err, setError, MILESTONE_FIELDS)) setFormError(errorMessage(err));
    }
  });

  const handleReload = () => {
    if (!conflict) return;
    setBase(conflict);
    reset(milestoneToValues(conflict));
    setConflict(null);
    setFormError(null);
  };

  const handleDelete = async () => {
    if (!base) return;
    try {
      await remove.mutateAsync({ id: base.id, version: base.version });
      setConfirmDelete(false);
      onDone(`Deleted “${base.title}”.`);
    } catch (err) {
      setConfirmDelete(false);
      setFormError(errorMessage(err));
    }
  };

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="stack" aria-label={editing ? 'Edit milestone' : 'New milestone'}>
        <FormError message={formError} />
        <div className="form-grid">
          <Field label="Title" error={errors.title?.message} className="span-all">
            <input {...register('title')} />
          </Field>
          <Field label="Phase" error={errors.phase?.message}>
            <select {...register('phase')}>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {humanize(p)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Due date" error={errors.dueDate?.message}>
            <input type="date" {...register('dueDate')} />
          </Field>
          <Field label="Status" error={errors.status?.message}>
            <select {...register('status')}>
              {MilestoneStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Weight (1–10)" error={errors.weight?.message}>
            <input type="number" min={1} max={10} step={1} inputMode="numeric" {...register('weight')} />
          </Field>
          <Field label="Owner (optional)" error={errors.owner?.message}>
            <input {...register('owner')} />
          </Field>
          <Field label="Description (optional)" error={errors.description?.message} className="span-all">
            <textarea rows={3} {...register('description')} />
          </Field>
          <fieldset className="span-all">
            <legend>Depends on ({selectedDeps.length} selected)</legend>
            {all.length > 8 ? (
              <Field label="Find a milestone">
                <input type="search" value={depFilter} onChange={(e) => setDepFilter(e.target.value)} />
              </Field>
            ) : null}
            {candidates.length === 0 ? (
              <p className="muted small">No other milestones{depFilter ? ' match' : ' yet'}.</p>
            ) : (
              <div className="checklist">
                {candidates.map((m) => (
                  <label key={m.id} className="field--inline">
                    <input type="checkbox" value={m.id} {...register('dependsOn')} />
                    <span>
                      {m.title} <span className="muted small">({humanize(m.status)}, due {formatDate(m.dueDate)})</span>
                    </span>
                  </label>
                ))}
              </div>
            )}
            {errors.dependsOn?.message ? <span className="field__error">{errors.dependsOn.message}</span> : null}
          </fieldset>
        </div>
        <div className="row">
          <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : editing ? 'Save changes' : 'Create milestone'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          {editing ? (
            <button type="button" className="button--danger" onClick={() => setConfirmDelete(true)} style={{ marginLeft: 'auto' }}>
              Delete
            </button>
          ) : null}
        </div>
      </form>

      <Dialog
        open={conflict !== null}
        title="Changed by someone else"
        onClose={() => setConflict(null)}
        footer={
          <>
            <button type="button" onClick={() => setConflict(null)}>
              Keep my edits
            </button>
            <button type="button" className="button--primary" onClick={handleReload}>
              Reload the current version
            </button>
          </>
        }
      >
        {conflict ? (
          <>
            <p>
              Someone saved this milestone after you opened it (now version {conflict.version}, at {formatInstant(conflict.updatedAt)}). Your
              changes were not saved. This is the current version:
            </p>
            <dl className="dates" data-testid="conflict-current">
              <div>
                <dt>Title</dt>
                <dd>{conflict.title}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{humanize(conflict.status)}</dd>
              </div>
              <div>
                <dt>Due</dt>
                <dd>{formatDate(conflict.dueDate)}</dd>
              </div>
              <div>
                <dt>Owner</dt>
                <dd>{conflict.owner ?? '—'}</dd>
              </div>
              <div>
                <dt>Phase</dt>
                <dd>{humanize(conflict.phase)}</dd>
              </div>
              <div>
                <dt>Weight</dt>
                <dd>{conflict.weight}</dd>
              </div>
            </dl>
            <p className="small muted" style={{ marginTop: '0.75rem' }}>
              Reload to start again from the current version; your unsaved edits will be replaced.
            </p>
          </>
        ) : null}
      </Dialog>

      <Dialog
        open={confirmDelete}
        title="Delete this milestone?"
        onClose={() => setConfirmDelete(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
            <button type="button" className="button--danger" onClick={() => void handleDelete()} disabled={remove.isPending}>
              Delete
            </button>
          </>
        }
      >
        <p>“{base?.title}” will be removed from the plan. This cannot be undone.</p>
      </Dialog>
    </>
  );
}
