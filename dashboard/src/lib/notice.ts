import { useState } from 'react';
import { errorMessage } from './api-client';

/** What an action left to say: that it was done, why it was refused, or what to do next. */
export type NoticeMessage = {
  kind: 'success' | 'error' | 'info';
  text: string;
  /** Take the focus when shown, whatever the banner's default (e.g. after the control that acted was removed). */
  focus?: boolean;
};

/** A notice, and `run` to do an action whose outcome becomes the notice. */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  async function run<T>(
    action: () => Promise<T>,
    done: (result: T) => string,
    refused: (message: string, error: unknown) => string = (m) => m,
    { focusDone = false }: { focusDone?: boolean } = {},
  ) {
    try {
      const result = await action();
      setNotice({ kind: 'success', text: done(result), ...(focusDone ? { focus: true } : {}) });
    } catch (err) {
      setNotice({ kind: 'error', text: refused(errorMessage(err), err) });
    }
  }
  return { notice, setNotice, run };
}

/** What `useNotice` gives, for passing to the parts of a page that report into its one notice. */
export type Notices = ReturnType<typeof useNotice>;

/**
 * A page's one outcome at a time: the page's notice (something created, saved, removed) or the
 * notice of one row or card (a status changed or refused there). Setting either replaces the other,
 * so an old success never stands beside a new refusal.
 */
export function useOutcome() {
  const [outcome, setOutcome] = useState<{ id: string | null; notice: NoticeMessage } | null>(null);
  return {
    /** The page's notice. */
    notice: outcome?.id === null ? outcome.notice : null,
    /** The notice of the row or card `id`. */
    of: (id: string) => (outcome?.id === id ? outcome.notice : null),
    setNotice: (notice: NoticeMessage | null) => setOutcome(notice ? { id: null, notice } : null),
    setRowNotice: (id: string, notice: NoticeMessage | null) => setOutcome(notice ? { id, notice } : null),
  };
}
