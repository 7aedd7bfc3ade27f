import { KT_METHOD_LABELS, type KtSession } from '@handover/shared';
import { useState } from 'react';
import { useKtSessions } from '../../../api/exit/kt-sessions';
import { useHandovers } from '../../../api/handovers/get-handovers';
import { usePeople } from '../../../api/people/get-people';
import { useCoverage } from '../../../api/skills/get-coverage';
import { DataTable } from '../../../components/ui/data-table';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';
import { useNotice } from '../../../lib/notice';
import { KtSessionForm } from './kt-session-form';

type Named = { id: string; name: string };
const namesOf = (ids: readonly string[], all: Map<string, string>, unknown: string) => ids.map((id) => all.get(id) ?? unknown);

/**
 * The knowledge-transfer sessions, newest first, each with who attended and the handovers and
 * skills it served; agency staff and leads record them (`canRecord`).
 */
export function KtSessionsSection({ planId, canRecord }: { planId: string; canRecord: boolean }) {
  const sessions = useKtSessions(planId);
  const people = usePeople(planId);
  const handovers = useHandovers(planId);
  const coverage = useCoverage(planId);
  const notices = useNotice();
  const [recording, setRecording] = useState(false);
  const peopleList: Named[] = (people.data ?? []).map((p) => ({ id: p.id, name: p.name }));
  const handoverList: Named[] = (handovers.data ?? []).map((h) => ({ id: h.id, name: h.title }));
  const skillList: Named[] = (coverage.data?.items ?? []).map((s) => ({ id: s.skillId, name: s.name }));
  const byId = (list: Named[]) => new Map(list.map((x) => [x.id, x.name]));
  const [peopleById, handoversById, skillsById] = [byId(peopleList), byId(handoverList), byId(skillList)];
  const linked = (s: KtSession) => [
    ...namesOf(s.handoverIds, handoversById, 'a handover').map((n) => `Handover: ${n}`),
    ...namesOf(s.skillIds, skillsById, 'a skill').map((n) => `Skill: ${n}`),
  ];
  return (
    <section className="card stack" aria-labelledby="kt-sessions">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="kt-sessions" style={{ margin: 0 }}>
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
          <KtSessionForm
            planId={planId}
            people={peopleList}
            handovers={handoverList}
            skills={skillList}
            onCreated={(s) => {
              setRecording(false);
              notices.setNotice({ kind: 'success', text: `Recorded the session “${s.topic}” of ${formatDate(s.date)}.` });
            }}
          />
        </div>
      ) : null}
      <Notice notice={notices.notice} live focus />
      <QueryState
        query={sessions}
        loadingLabel="Loading the sessions…"
        isEmpty={(d) => d.length === 0}
        empty={<EmptyState title="No sessions recorded yet" />}
      >
        {(data) => (
          <DataTable<KtSession>
            caption={`${data.length} ${data.length === 1 ? 'session' : 'sessions'}, newest first`}
            rows={[...data].sort((a, b) => b.date.localeCompare(a.date) || a.topic.localeCompare(b.topic))}
            rowKey={(s) => s.id}
            columns={[
              { key: 'date', header: 'Date', cell: (s) => formatDate(s.date) },
              { key: 'topic', header: 'Topic', rowHeader: true, cell: (s) => s.topic },
              { key: 'method', header: 'Method', cell: (s) => KT_METHOD_LABELS[s.method] },
              { key: 'givenBy', header: 'Given by', cell: (s) => s.givenBy },
              {
                key: 'attendees',
                header: 'Attendees',
                cell: (s) => (s.attendees.length ? namesOf(s.attendees, peopleById, 'a former person').join(', ') : '—'),
              },
              {
                key: 'linked',
                header: 'Handovers and skills',
                cell: (s) => {
                  const lines = linked(s);
                  return lines.length ? (
                    <ul className="plain-list">
                      {lines.map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  );
                },
              },
              {
                key: 'materials',
                header: 'Materials',
                cell: (s) =>
                  s.materialsUrl ? (
                    <a href={s.materialsUrl} target="_blank" rel="noreferrer noopener">
                      Open<span className="visually-hidden"> the materials of {s.topic} (new tab)</span>
                    </a>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
