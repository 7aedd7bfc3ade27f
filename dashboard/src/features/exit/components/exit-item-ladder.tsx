import { EXIT_ITEM_LADDER, EXIT_ITEM_STATUS_HINTS, EXIT_ITEM_STATUS_LABELS, type ExitItemStatus } from '@handover/shared';

/**
 * The item's ladder as steps: done steps carry a ✓, the current one is marked `aria-current` and
 * named in the line below, so the colour is never the only sign of where it stands.
 */
export function ExitItemLadder({ status }: { status: ExitItemStatus }) {
  const at = EXIT_ITEM_LADDER.indexOf(status);
  return (
    <>
      <ol className="ladder" aria-label="Steps">
        {EXIT_ITEM_LADDER.map((s, i) => (
          <li key={s} aria-current={i === at ? 'step' : undefined} className={i < at ? 'ladder__done' : undefined}>
            {i < at ? <span aria-hidden="true">✓ </span> : null}
            {EXIT_ITEM_STATUS_LABELS[s]}
            {i < at ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
      <p className="small ladder__hint">
        Now at <strong>{EXIT_ITEM_STATUS_LABELS[status]}</strong>: {EXIT_ITEM_STATUS_HINTS[status]}.
      </p>
    </>
  );
}
