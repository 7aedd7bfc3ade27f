import type { NoticeMessage } from '../../lib/notice';

/**
 * The banner an action leaves: a status for success, an alert for a refusal. `live` keeps an empty
 * polite region in the page, so a notice that appears later is announced.
 */
export function Notice({ notice, live = false }: { notice: NoticeMessage | null | undefined; live?: boolean }) {
  const banner = notice ? (
    <p className={`alert alert--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  ) : null;
  return live ? <div aria-live="polite">{banner}</div> : banner;
}
