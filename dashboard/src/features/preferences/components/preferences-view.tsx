import { useId } from 'react';
import { useMyPreferences, usePutMyPreferences } from '../../../api/preferences/preferences';
import { Notice } from '../../../components/ui/notice';
import { QueryState } from '../../../components/ui/states';
import { useNotice } from '../../../lib/notice';

/**
 * My preferences: the weekly digest by email (docs/domain.md#settings-pages). When the server
 * sends no email, or cannot send it to me, the toggle is off and disabled and says why.
 */
export function PreferencesView() {
  const prefs = useMyPreferences();
  const put = usePutMyPreferences();
  const notices = useNotice();
  const hintId = useId();
  return (
    <section className="card stack" aria-labelledby="digest-title">
      <h2 id="digest-title">Email</h2>
      <Notice notice={notices.notice} live focus="errors" />
      <QueryState query={prefs} loadingLabel="Loading your preferences…">
        {(p) => (
          <div className="stack">
            <label className="field--inline">
              <input
                type="checkbox"
                checked={p.weeklyDigest}
                disabled={put.isPending || (!p.digestAvailable && !p.weeklyDigest)}
                aria-describedby={hintId}
                onChange={(e) => {
                  const weeklyDigest = e.currentTarget.checked;
                  void notices.run(
                    () => put.mutateAsync({ weeklyDigest }),
                    () => (weeklyDigest ? 'You will get the weekly digest by email.' : 'You will no longer get the weekly digest.'),
                  );
                }}
              />
              Weekly digest by email
            </label>
            <p id={hintId} className={p.digestAvailable ? 'field__hint' : 'alert alert--info'} style={{ margin: 0 }}>
              {p.digestAvailable
                ? 'On Mondays: the readiness score and how it moved, the gates, the projected exit and what changed, for each plan you are a member of.'
                : `Not available: ${p.digestUnavailableReason ?? 'this server sends no email.'}`}
            </p>
          </div>
        )}
      </QueryState>
    </section>
  );
}
