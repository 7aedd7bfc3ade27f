import { useEffect, useRef } from 'react';
import type { NoticeMessage } from '../../lib/notice';

/**
 * The banner an action leaves: a status for success, an alert for a refusal. `live` keeps an empty
 * polite region in the page, so a notice that appears later is announced. With `focus`, each new
 * notice takes the focus (and so scrolls into view): the person lands on what happened, not on a
 * control that may have vanished or sit far from the message.
 */
export function Notice({ notice, live = false, focus = false }: { notice: NoticeMessage | null | undefined; live?: boolean; focus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus && notice) ref.current?.focus();
  }, [focus, notice]);
  const banner = notice ? (
    <p ref={ref} tabIndex={focus ? -1 : undefined} className={`alert alert--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  ) : null;
  return live ? <div aria-live="polite">{banner}</div> : banner;
}
