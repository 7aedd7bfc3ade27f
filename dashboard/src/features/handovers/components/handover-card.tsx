import { HANDOVER_LADDER, LADDER_HINTS, LADDER_LABELS, type EffectiveRole, type Handover, type HandoverStatus } from '@handover/shared';
import { useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { transitionBody, useTransition } from '../../../api/handovers/create-transition';
import { Badge } from '../../../components/ui/badge';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/api-client';
import { formatDate, formatInstant, todayIso } from '../../../lib/format';
import type { NoticeMessage } from '../../../lib/notice';
import { allowedMoves, ladderNote } from '../utils/ladder';

/**
 * One responsibility: where it stands on the ladder, the moves the role may make, and its history.
 * A move is one step per intent: while it is sent the buttons are disabled, a click that is part
 * of a double click (`detail > 1`) is ignored, and the next step's button appears only once the
 * move has settled, so a second click cannot land on it.
 */
export function HandoverCard({
  planId,
  handover,
  role,
  notice,
  onNotice,
  sessions,
}: {
  planId: string;
  handover: Handover;
  role: EffectiveRole | null;
  notice: NoticeMessage | null;
  onNotice: (notice: NoticeMessage) => void;
  /** What the history view shows after the moves: the knowledge-transfer sessions for this handover (composed by the page). */
  sessions?: ReactNode;
}) {
  const transition = useTransition(planId);
  const [note, setNote] = useState('');
  const [moving, setMoving] = useState<HandoverStatus | null>(null);
  const inFlight = useRef(false);
  const moves = allowedMoves(handover.status, role);
  const limit = ladderNote(handover.status, role);
  const headingId = `handover-${handover.id}`;
  const noticeId = `${headingId}-notice`;

  const handleMove = async (to: HandoverStatus, e: MouseEvent<HTMLButtonElement>) => {
    if (e.detail > 1 || inFlight.current) return;
    inFlight.current = true;
    setMoving(to);
    try {
      const h = await transition.mutateAsync({ id: handover.id, body: transitionBody(to, handover.status, note.trim() || null) });
      setNote('');
      onNotice({ kind: 'success', text: `“${h.title}” is now at “${LADDER_LABELS[h.status]}”.` });
    } catch (err) {
      onNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      inFlight.current = false;
      setMoving(null);
    }
  };

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
      {handover.status === 'accepted' ? null : (
        <p className="small" style={{ margin: '0.25rem 0 0' }} data-testid="handover-target">
          {handover.targetDate
            ? `To be accepted by ${formatDate(handover.targetDate)}${handover.targetDate < todayIso() ? ', now overdue' : ''}.`
            : 'No target date: until it has one, the exit cannot be dated.'}
        </p>
      )}
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
      {limit ? <p className="small ladder__limit">{limit}</p> : null}
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
              onClick={(e) => void handleMove(m.to, e)}
              disabled={moving !== null || transition.isPending}
              aria-describedby={notice ? noticeId : undefined}
            >
              {moving === m.to ? 'Moving…' : m.label}
              <span className="visually-hidden"> — {handover.title}</span>
            </button>
          ))}
        </div>
      ) : null}
      {notice ? <Notice id={noticeId} notice={notice} focus={notice.kind === 'error'} compact /> : null}
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
                by {t.actor.name}, {formatInstant(t.at)}
                {t.note ? <div className="muted">“{t.note}”</div> : null}
              </li>
            ))}
          </ol>
        )}
        {sessions}
      </details>
    </li>
  );
}
