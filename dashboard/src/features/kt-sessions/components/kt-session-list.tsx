import { KT_METHOD_LABELS, type KtSession } from '@handover/shared';
import { formatDate } from '../../../lib/format';
import { attendeesText, namesText, sessionsMatching, type KtSessionFilter } from '../utils/sessions';
import '../kt-sessions.css';

type NameOf = (id: string) => string | undefined;

export type KtSessionListProps = KtSessionFilter & {
  /** Every session at hand (one plan's); the filter props pick which are shown. */
  sessions: readonly KtSession[];
  /** The list's accessible name, e.g. “Knowledge-transfer sessions for Stories”. */
  label: string;
  /** Names an attendee from their person id; without it (or for an unknown id) attendees are counted. */
  personName?: NameOf;
  /** With it, each session names the handovers it served (a list of one handover's sessions leaves it out). */
  handoverName?: NameOf;
  /** With it, each session names the skills it taught. */
  skillName?: NameOf;
  /** Said instead of the list when no session matches. */
  emptyText?: string;
};

/**
 * Knowledge-transfer sessions, newest first: when, how, what and who gave it, who attended, what it
 * served (when asked), and a link to the materials (docs/domain.md#knowledge-transfer-sessions).
 * Reads only: the forms live where sessions are recorded.
 */
export function KtSessionList({ sessions, label, personName, handoverName, skillName, emptyText = 'No knowledge-transfer sessions yet.', ...filter }: KtSessionListProps) {
  const shown = sessionsMatching(sessions, filter);
  if (!shown.length) return <p className="muted small">{emptyText}</p>;
  return (
    <ul className="kt-sessions" aria-label={label}>
      {shown.map((s) => {
        const attendees = attendeesText(s.attendees, personName);
        const handovers = handoverName ? namesText(s.handoverIds, handoverName, ['handover', 'handovers']) : null;
        const skills = skillName ? namesText(s.skillIds, skillName, ['skill', 'skills']) : null;
        return (
          <li key={s.id} data-testid="kt-session">
            <strong>{s.topic}</strong>
            <div className="kt-sessions__meta">
              <time dateTime={s.date}>{formatDate(s.date)}</time> · {KT_METHOD_LABELS[s.method]} · given by {s.givenBy}
            </div>
            {attendees ? <div className="kt-sessions__meta">Attended by {attendees}</div> : null}
            {handovers ? <div className="kt-sessions__meta">Handovers: {handovers}</div> : null}
            {skills ? <div className="kt-sessions__meta">Skills: {skills}</div> : null}
            {s.notes ? <div className="muted">{s.notes}</div> : null}
            {s.materialsUrl ? (
              <a href={s.materialsUrl} target="_blank" rel="noopener noreferrer">
                Materials<span className="visually-hidden"> for {s.topic} (opens in a new tab)</span>
              </a>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
