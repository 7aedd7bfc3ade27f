import { CreateHandoverSchema, HANDOVER_LADDER, type Handover, type HandoverStatus, type Role } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Badge } from '../../../components/ui/badge';
import { Field, FormError } from '../../../components/ui/field';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { errorMessage, newIdempotencyKey } from '../../../lib/api-client';
import { formatInstant } from '../../../lib/format';
import { applyServerErrors, blankToNull, sharedResolver } from '../../../lib/form';
import { useCreateHandover } from '../api/create-handover';
import { useTransition } from '../api/create-transition';
import { useHandovers, type HandoverFilters } from '../api/get-handovers';
import { LADDER_LABELS, allowedMoves, ladderCounts } from '../utils/ladder';

type NewValues = { title: string; channel: string; description: string };
const toCreate = (v: NewValues) => ({ title: v.title, channel: blankToNull(v.channel), description: blankToNull(v.description) });

function NewHandoverForm({ planId, onCreated }: { planId: string; onCreated: (h: Handover) => void }) {
  const create = useCreateHandover(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<NewValues>({
    resolver: sharedResolver(CreateHandoverSchema, toCreate),
    defaultValues: { title: '', channel: '', description: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const h = await create.mutateAsync({ body: toCreate(values), key });
      reset();
      setKey(newIdempotencyKey());
      onCreated(h);
    } catch (err) {
      if (!applyServerErrors(err, setError, ['title', 'channel', 'description'])) setFormError(errorMessage(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Log a handover">
      <FormError message={formError} />
      <div className="form-grid">
        <Field label="Responsibility" hint="e.g. Reply to customer questions on Instagram" error={formState.errors.title?.message}>
          <input {...register('title')} />
        </Field>
        <Field label="Channel (optional)" error={formState.errors.channel?.message}>
          <input {...register('channel')} />
        </Field>
        <Field label="Description (optional)" error={formState.errors.description?.message} className="span-all">
          <textarea rows={2} {...register('description')} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Logging…' : 'Log handover'}
        </button>
      </div>
    </form>
  );
}

function HandoverCard({ planId, handover, role, onMessage }: { planId: string; handover: Handover; role: Role | null; onMessage: (kind: 'success' | 'error', text: string) => void }) {
  const transition = useTransition(planId);
  const [note, setNote] = useState('');
  const moves = allowedMoves(handover.status, role);
  const handleMove = async (to: HandoverStatus) => {
    try {
      const h = await transition.mutateAsync({ id: handover.id, body: { to, note: note.trim() || null } });
      setNote('');
      onMessage('success', `“${h.title}” is now at “${LADDER_LABELS[h.status]}”.`);
    } catch (err) {
      onMessage('error', `“${handover.title}”: ${errorMessage(err)}`);
    }
  };
  const headingId = `handover-${handover.id}`;
  return (
    <li className="card" aria-labelledby={headingId} data-testid="handover">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 id={headingId} style={{ margin: 0 }}>
          {handover.title}
        </h3>
        <Badge value={handover.status} label={LADDER_LABELS[handover.status]} />
      </div>
      {handover.channel || handover.description ? (
        <p className="muted small" style={{ margin: '0.25rem 0 0' }}>
          {[handover.channel, handover.description].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      <ol className="ladder" aria-label="Ladder">
        {HANDOVER_LADDER.map((s) => (
          <li key={s} aria-current={s === handover.status ? 'step' : undefined}>
            {LADDER_LABELS[s]}
          </li>
        ))}
      </ol>
      {moves.length ? (
        <div className="row">
          <label className="visually-hidden" htmlFor={`${headingId}-note`}>
            Note for the move of {handover.title}
          </label>
          <input
            id={`${headingId}-note`}
            placeholder="Note (optional)"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ flex: '1 1 12rem', width: 'auto' }}
          />
          {moves.map((m) => (
            <button
              key={m.to}
              type="button"
              className={m.kind === 'back' ? 'button--small button--danger' : 'button--small button--primary'}
              onClick={() => void handleMove(m.to)}
              disabled={transition.isPending}
            >
              {m.label}
              <span className="visually-hidden"> — {handover.title}</span>
            </button>
          ))}
        </div>
      ) : null}
      <details>
        <summary>
          History ({handover.history.length})<span className="visually-hidden"> of {handover.title}</span>
        </summary>
        {handover.history.length === 0 ? (
          <p className="muted small">No moves yet: logged at “{LADDER_LABELS.agency}”.</p>
        ) : (
          <ol className="history">
            {[...handover.history].reverse().map((t, i) => (
              <li key={`${t.at}-${i}`}>
                <strong>
                  {LADDER_LABELS[t.from]} → {LADDER_LABELS[t.to]}
                </strong>{' '}
                by {t.actor.email}, {formatInstant(t.at)}
                {t.note ? <div className="muted">“{t.note}”</div> : null}
              </li>
            ))}
          </ol>
        )}
      </details>
    </li>
  );
}

export function HandoversView({ planId, role, canCreate }: { planId: string; role: Role | null; canCreate: boolean }) {
  const [filters, setFilters] = useState<HandoverFilters>({});
  const list = useHandovers(planId, filters);
  const all = useHandovers(planId);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [showForm, setShowForm] = useState(false);
  return (
    <div className="stack">
      {canCreate ? (
        <section className="card" aria-labelledby="new-handover">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 id="new-handover" style={{ margin: 0 }}>
              Log a handover
            </h2>
            <button type="button" aria-expanded={showForm} onClick={() => setShowForm((v) => !v)}>
              {showForm ? 'Close' : 'New handover'}
            </button>
          </div>
          {showForm ? (
            <div style={{ marginTop: '0.75rem' }}>
              <NewHandoverForm
                planId={planId}
                onCreated={(h) => {
                  setShowForm(false);
                  setMessage({ kind: 'success', text: `Logged “${h.title}”.` });
                }}
              />
            </div>
          ) : null}
        </section>
      ) : null}
      <div aria-live="polite">
        {message ? (
          <p className={`alert alert--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
      </div>
      {all.data ? (
        <p className="muted small">
          {ladderCounts(all.data)
            .map((c) => `${c.label}: ${c.count}`)
            .join(' · ')}
        </p>
      ) : null}
      <form className="filters" aria-label="Filter handovers" onSubmit={(e) => e.preventDefault()}>
        <Field label="Step">
          <select value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as HandoverStatus | undefined })}>
            <option value="">All steps</option>
            {HANDOVER_LADDER.map((s) => (
              <option key={s} value={s}>
                {LADDER_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <QueryState
        query={list}
        loadingLabel="Loading handovers…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title={filters.status ? 'No handover at this step' : 'No handovers logged yet'} />}
      >
        {(items) => (
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Handovers">
            {items.map((h) => (
              <HandoverCard key={h.id} planId={planId} handover={h} role={role} onMessage={(kind, text) => setMessage({ kind, text })} />
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
