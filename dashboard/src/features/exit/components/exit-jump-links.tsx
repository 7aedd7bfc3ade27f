import type { MouseEvent } from 'react';

export type Jump = { id: string; label: string };

/** Moves the focus (and so the view) to the section's heading, as "Skip to content" does. */
function focusHeading(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/**
 * The page's sections as links at its top: with a long checklist and many sessions, the exit action
 * is thousands of pixels down on a phone (docs/domain.md#exit-page). Each heading it names takes
 * the focus (`tabIndex={-1}`), so the next Tab goes on from there.
 */
export function ExitJumpLinks({ jumps }: { jumps: Jump[] }) {
  return (
    <nav aria-label="On this page" className="exit-jumps small">
      <span className="muted">On this page:</span>
      <ul>
        {jumps.map((j) => (
          <li key={j.id}>
            <a href={`#${j.id}`} onClick={(e) => focusHeading(e, j.id)}>
              {j.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
