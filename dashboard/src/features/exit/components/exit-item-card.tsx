import { EXIT_ITEM_KIND_LABELS, EXIT_ITEM_STATUS_LABELS, can, type EffectiveRole, type ExitItem, type Person } from '@handover/shared';
import { useRef, useState } from 'react';
import { useDeleteExitItem } from '../../../api/exit-items/delete-exit-item';
import { Notice } from '../../../components/ui/notice';
import { RemoveButton } from '../../../components/ui/remove-button';
import { errorMessage } from '../../../lib/api-client';
import { formatDate, formatInstant } from '../../../lib/format';
import type { NoticeMessage } from '../../../lib/notice';
import { exitMoveNote, exitMoves, isOverdue } from '../utils/exit-items';
import { EvidenceForm } from './evidence-form';
import { ExitItemForm } from './exit-item-form';
import { ExitItemLadder } from './exit-item-ladder';
import { ExitItemMoves } from './exit-item-moves';

/**
 * One thing the agency holds: where it stands on the ladder, who will own it, when it is due, the
 * evidence, the moves the role may make and its history. `readOnly`: the plan is exited and the
 * caller is agency staff, so nothing can be changed.
 */
export function ExitItemCard({
  planId,
  item,
  role,
  readOnly,
  ownerName,
  people,
  today,
  notice,
  onNotice,
  onPageNotice,
}: {
  planId: string;
  item: ExitItem;
  role: EffectiveRole | null;
  readOnly: boolean;
  ownerName: string | null;
  /** The plan's people, for a lead's edit of the owner. */
  people: Person[];
  today: string;
  notice: NoticeMessage | null;
  onNotice: (notice: NoticeMessage) => void;
  /** For outcomes that outlive the card (it was deleted). */
  onPageNotice: (notice: NoticeMessage) => void;
}) {
  // Leads edit the whole item; agency staff its evidence only.
  const [editing, setEditing] = useState(false);
  const editsAll = can(role, 'manageExitItems');
  const editButton = useRef<HTMLButtonElement>(null);
  // The form closed: the focus goes back to the button that opened it (shown again).
  const closeEditor = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const remove = useDeleteExitItem(planId);
  const moves = readOnly ? [] : exitMoves(item.status, role);
  const limit = readOnly ? null : exitMoveNote(item.status, role);
  const headingId = `exit-item-${item.id}`;
  const noticeId = notice ? `${headingId}-notice` : undefined;
  const overdue = isOverdue(item, today);
  const handleSaved = (text: string) => {
    closeEditor();
    onNotice({ kind: 'success', text });
  };
  const handleStale = (text: string) => {
    setEditing(false);
    onNotice({ kind: 'info', text, focus: true });
  };
  const handleDelete = () =>
    remove.mutateAsync({ id: item.id, version: item.version }).then(
      () => onPageNotice({ kind: 'success', text: `Deleted “${item.name}” from the checklist.`, focus: true }),
      (err: unknown) => onNotice({ kind: 'error', text: `“${item.name}” was not deleted: ${errorMessage(err)}` }),
    );

  return (
    <li className="card exit-item" aria-labelledby={headingId} data-testid="exit-item">
      <h4 id={headingId} className="exit-item__name">
        {item.name}
      </h4>
      <p className="muted small exit-item__kind">{[EXIT_ITEM_KIND_LABELS[item.kind].one, item.channel].filter(Boolean).join(' · ')}</p>
      <ExitItemLadder status={item.status} />
      <dl className="exit-item__facts small">
        <div>
          <dt>Owner</dt>
          <dd>{ownerName ?? 'No owner yet'}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd className={overdue ? 'exit-item__overdue' : undefined} data-testid="exit-item-due">
            {item.dueDate ? formatDate(item.dueDate) : 'No due date'}
            {overdue ? <strong> — overdue</strong> : null}
          </dd>
        </div>
        <div className="exit-item__evidence">
          <dt>Evidence</dt>
          <dd>
            {item.evidence ?? (item.evidenceUrl ? null : 'None yet')}
            {item.evidenceUrl ? (
              <>
                {item.evidence ? ' ' : null}
                <a href={item.evidenceUrl} target="_blank" rel="noreferrer noopener">
                  Evidence link<span className="visually-hidden"> for {item.name} (opens in a new tab)</span>
                </a>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {limit ? <p className="small ladder__limit">{limit}</p> : null}
      {moves.length ? <ExitItemMoves planId={planId} item={item} moves={moves} noticeId={noticeId} onNotice={onNotice} /> : null}
      {notice ? <Notice id={noticeId} notice={notice} focus={notice.kind === 'error'} compact /> : null}
      {!readOnly && (can(role, 'recordExit') || can(role, 'manageExitItems')) ? (
        <div className="row exit-item__actions">
          {can(role, 'recordExit') && !editing ? (
            <button ref={editButton} type="button" className="button--small" onClick={() => setEditing(true)}>
              {editsAll ? (
                <>
                  Edit<span className="visually-hidden"> {item.name}</span>
                </>
              ) : (
                <>
                  Edit evidence<span className="visually-hidden"> of {item.name}</span>
                </>
              )}
            </button>
          ) : null}
          {can(role, 'manageExitItems') ? (
            <RemoveButton verb="Delete" name={item.name} consequence="It leaves the checklist with its history." onRemove={() => void handleDelete()} disabled={remove.isPending} />
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <div className="exit-item__edit">
          {editsAll ? (
            <ExitItemForm planId={planId} people={people} item={item} onCancel={closeEditor} onDone={handleSaved} onStale={handleStale} />
          ) : (
            <EvidenceForm planId={planId} item={item} onCancel={closeEditor} onDone={handleSaved} onStale={handleStale} />
          )}
        </div>
      ) : null}
      <details>
        <summary>
          History ({item.history.length})<span className="visually-hidden"> of {item.name}</span>
        </summary>
        {item.history.length === 0 ? (
          <p className="muted small">No moves yet: listed on {formatInstant(item.createdAt)}.</p>
        ) : (
          <ol className="history">
            {[...item.history].reverse().map((t, i) => (
              <li key={`${t.at}-${i}`}>
                <strong>
                  {EXIT_ITEM_STATUS_LABELS[t.from]} → {EXIT_ITEM_STATUS_LABELS[t.to]}
                </strong>{' '}
                by {t.actor.name}, {formatInstant(t.at)}
                {t.note ? <div className="muted">“{t.note}”</div> : null}
              </li>
            ))}
          </ol>
        )}
      </details>
    </li>
  );
}
