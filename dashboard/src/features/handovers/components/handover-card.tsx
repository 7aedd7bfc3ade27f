import { HANDOVER_LADDER, LADDER_HINTS, LADDER_LABELS, type EffectiveRole, type Handover, type HandoverStatus } from '@handover/shared';
import { useState } from 'react';
import { useTransition } from '../../../api/handovers/create-transition';
import { Badge } from '../../../components/ui/badge';
import { formatInstant } from '../../../lib/format';
import type { Notices } from '../../../lib/notice';
import { allowedMoves } from '../utils/ladder';

/** One responsibility: where it stands on the ladder, the moves the role may make, and its history. */
export function HandoverCard({ planId, handover, role, notices }: { planId: string; handover: Handover; role: EffectiveRole | null; notices: Notices }) {
  const transition = useTransition(planId);
  const [note, setNote] = useState('');
  const moves = allowedMoves(handover.status, role);
  const handleMove = (to: HandoverStatus) =>
    notices.run(
      async () => {
        const h = await transition.mutateAsync({ id: handover.id, body: { to, note: note.trim() || null } });
        setNote('');
        return h;
      },
      (h) => `“${h.title}” is now at “${LADDER_LABELS[h.status]}”.`,
      (message) => `“${handover.title}”: ${message}`,
    );
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
      <p className="muted small ladder__hint">
        {LADDER_LABELS[handover.status]}: {LADDER_HINTS[handover.status]}.
      </p>
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
