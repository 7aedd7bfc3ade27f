import type { KtSession } from '@handover/shared';
import { useState, type ReactNode } from 'react';
import { useHandovers } from '../../../api/handovers/get-handovers';
import { usePeople } from '../../../api/people/get-people';
import { useCoverage } from '../../../api/skills/get-coverage';
import { Notice } from '../../../components/ui/notice';
import { formatDate } from '../../../lib/format';
import { useNotice } from '../../../lib/notice';
import { KtSessionForm } from './kt-session-form';

/** The form with the plan's people, handovers and skills to choose from (read when it opens). */
function RecordSession({ planId, onCreated }: { planId: string; onCreated: (s: KtSession) => void }) {
  const people = usePeople(planId);
  const handovers = useHandovers(planId);
  const coverage = useCoverage(planId);
  return (
    <KtSessionForm
      planId={planId}
      people={(people.data ?? []).map((p) => ({ id: p.id, name: p.name }))}
      handovers={(handovers.data ?? []).map((h) => ({ id: h.id, name: h.title }))}
      skills={(coverage.data?.items ?? []).map((s) => ({ id: s.skillId, name: s.name }))}
      onCreated={onCreated}
    />
  );
}

/**
 * The knowledge-transfer sessions: `list` is the plan's list of them (the page composes it, the
 * same list the Handovers and Skills pages show), and agency staff and leads record new ones here
 * (`canRecord`). Once recorded, the form closes and the notice, which takes the focus, says so.
 */
export function KtSessionsSection({ planId, canRecord, list }: { planId: string; canRecord: boolean; list: ReactNode }) {
  const notices = useNotice();
  const [recording, setRecording] = useState(false);
  return (
    <section className="card stack" aria-labelledby="kt-sessions">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="kt-sessions" tabIndex={-1} style={{ margin: 0 }}>
          Knowledge-transfer sessions
        </h2>
        {canRecord ? (
          <button type="button" aria-expanded={recording} aria-controls={recording ? 'new-kt-session' : undefined} onClick={() => setRecording((v) => !v)}>
            {recording ? 'Close' : 'Record a session'}
          </button>
        ) : null}
      </div>
      {recording ? (
        <div id="new-kt-session">
          <RecordSession
            planId={planId}
            onCreated={(s) => {
              setRecording(false);
              notices.setNotice({ kind: 'success', text: `Recorded the session “${s.topic}” of ${formatDate(s.date)}.` });
            }}
          />
        </div>
      ) : null}
      <Notice notice={notices.notice} live focus />
      {list}
    </section>
  );
}
