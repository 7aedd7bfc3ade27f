import { EXIT_ITEM_STATUS_LABELS, type ExitItem, type ExitItemStatus } from '@handover/shared';
import { useRef, useState, type MouseEvent } from 'react';
import { exitTransitionBody, useExitItemTransition } from '../../../api/exit-items/create-exit-item-transition';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { NoticeMessage } from '../../../lib/notice';
import type { ExitMove } from '../utils/exit-items';

/** Said when the item was no longer at the step on screen: someone else moved it. */
export const movedAlready = (name: string) => `Someone moved “${name}” already; the checklist is refreshed and shows where it is now.`;

/**
 * The moves one item offers, with an optional note. Each move says where it starts (`from`, the
 * step on screen), and is one step per intent: while it is sent the buttons are disabled, and a
 * click that is part of a double click (`detail > 1`) is ignored.
 */
export function ExitItemMoves({
  planId,
  item,
  moves,
  noticeId,
  onNotice,
}: {
  planId: string;
  item: ExitItem;
  moves: ExitMove[];
  /** The card's notice, which the buttons are described by. */
  noticeId: string | undefined;
  onNotice: (notice: NoticeMessage) => void;
}) {
  const transition = useExitItemTransition(planId);
  const [note, setNote] = useState('');
  const [moving, setMoving] = useState<ExitItemStatus | null>(null);
  const inFlight = useRef(false);
  const noteId = `exit-item-${item.id}-note`;

  const handleMove = async (to: ExitItemStatus, e: MouseEvent<HTMLButtonElement>) => {
    if (e.detail > 1 || inFlight.current) return;
    inFlight.current = true;
    setMoving(to);
    try {
      const moved = await transition.mutateAsync({ id: item.id, body: exitTransitionBody(to, item.status, note.trim() || null) });
      setNote('');
      // The button pressed is gone (the next step has its own), and a verified item moves down its
      // group: the focus goes to the card's notice, so the person lands on what happened.
      onNotice({ kind: 'success', text: `“${moved.name}” is now at “${EXIT_ITEM_STATUS_LABELS[moved.status]}”.`, focus: true });
    } catch (err) {
      onNotice({ kind: 'error', text: isApiError(err) && err.status === 409 ? movedAlready(item.name) : errorMessage(err) });
    } finally {
      inFlight.current = false;
      setMoving(null);
    }
  };

  return (
    <div className="row">
      <label className="visually-hidden" htmlFor={noteId}>
        Note for the move of {item.name}
      </label>
      <input id={noteId} placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} className="exit-item__note" />
      {moves.map((m) => (
        <button
          key={m.to}
          type="button"
          className={m.kind === 'back' ? 'button--small button--danger' : 'button--small button--primary'}
          onClick={(e) => void handleMove(m.to, e)}
          disabled={moving !== null || transition.isPending}
          aria-describedby={noticeId}
        >
          {moving === m.to ? 'Moving…' : m.label}
          <span className="visually-hidden"> — {item.name}</span>
        </button>
      ))}
    </div>
  );
}
