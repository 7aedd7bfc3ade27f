import { count } from '../../../lib/format';
import { sessionsMatching } from '../utils/sessions';
import { KtSessionList, type KtSessionListProps } from './kt-session-list';

/**
 * How many sessions match, as a toggle that opens their list (a native disclosure: Enter or Space
 * opens it); with none, a plain line. `subject` names what they are for, e.g. a skill's name.
 */
export function KtSessionsDisclosure({ subject, ...props }: Omit<KtSessionListProps, 'label'> & { subject: string }) {
  const n = sessionsMatching(props.sessions, props).length;
  if (!n) return <div className="muted small">No KT sessions</div>;
  return (
    <details className="kt-sessions-disclosure">
      <summary>
        {count(n, 'KT session')}
        <span className="visually-hidden"> for {subject}</span>
      </summary>
      <KtSessionList {...props} label={`Knowledge-transfer sessions for ${subject}`} />
    </details>
  );
}
