import { useEffect, useRef } from 'react';
import type { NoticeMessage } from '../../lib/notice';

/**
 * The banner an action leaves: a status for success, an alert for a refusal. `live` keeps an empty
 * polite region in the page, so a notice that appears later is announced. With `focus`, each new
 * notice takes the focus (and so scrolls into view): the person lands on what happened, not on a
 * control that may have vanished or sit far from the message.
 */
export function Notice({
  notice,
  live = false,
  focus = false,
  id,
  compact = false,
}: {
  notice: NoticeMessage | null | undefined;
  live?: boolean;
  focus?: boolean | 'errors';
  /** For `aria-describedby` on the control the notice is about. */
  id?: string;
  /** A one-line notice beside a control (in a table row). */
  compact?: boolean;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!notice) return;
    // `errors`: only refusals take the focus (a page where every small change would pull it away).
    // An `info` note explains the state a dialog left; focus goes back to that dialog's opener instead.
    const wanted = notice.focus ?? (focus === true ? notice.kind !== 'info' : focus === 'errors' && notice.kind === 'error');
    if (wanted) ref.current?.focus();
  }, [focus, notice]);
  const banner = notice ? (
    <p
      ref={ref}
      id={id}
      tabIndex={focus || notice.focus ? -1 : undefined}
      className={`alert alert--${notice.kind}${compact ? ' alert--compact' : ''}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      {notice.text}
    </p>
  ) : null;
  return live ? <div aria-live="polite">{banner}</div> : banner;
}
