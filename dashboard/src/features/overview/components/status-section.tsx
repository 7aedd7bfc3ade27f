import type { Plan } from '@handover/shared';
import { useAllSnapshots } from '../../../api/snapshots/get-snapshots';
import { useBackfillSnapshots } from '../../../api/snapshots/backfill-snapshots';
import { useTakeSnapshot } from '../../../api/snapshots/take-snapshot';
import { Notice } from '../../../components/ui/notice';
import { count } from '../../../lib/format';
import { useNotice } from '../../../lib/notice';
import { CardQuery } from './card-query';
import { StatusNoteCard } from './status-note-card';
import { ReadinessTrendCard, SlipCard } from './trend-cards';
import { WhatChangedCard } from './what-changed-card';

const TITLE = 'Status over time';

/**
 * The overview's part from the snapshots: the lead's status, what changed since the snapshot before,
 * readiness and the earliest exit week by week. Its own chunk, loaded after the cards above it, so the
 * first page carries none of it (docs/architecture.md#deferred-rendering).
 */
export default function StatusSection({ plan, canRecordStatus }: { plan: Plan; canRecordStatus: boolean }) {
  const snapshots = useAllSnapshots(plan.id);
  return (
    <CardQuery title={TITLE} query={snapshots}>
      {(list) =>
        list[0] === undefined ? (
          <NoSnapshots planId={plan.id} canRecordStatus={canRecordStatus} />
        ) : (
          <>
            <div className="grid grid--wide">
              <StatusNoteCard snapshots={list} />
              <WhatChangedCard planId={plan.id} latest={list[0]} previous={list[1]} />
            </div>
            <div className="grid grid--wide">
              <ReadinessTrendCard snapshots={list} />
              <SlipCard snapshots={list} plan={plan} />
            </div>
          </>
        )
      }
    </CardQuery>
  );
}

function NoSnapshots({ planId, canRecordStatus }: { planId: string; canRecordStatus: boolean }) {
  const take = useTakeSnapshot(planId);
  const backfill = useBackfillSnapshots(planId);
  const { notice, run } = useNotice();
  const busy = take.isPending || backfill.isPending;
  return (
    <section className="card" aria-labelledby="no-snapshots-title" data-testid="no-snapshots">
      <h2 id="no-snapshots-title">{TITLE}</h2>
      <p>
        No snapshots yet: the readiness trend, the earliest exit week by week and what changed appear once the plan has
        snapshots. One is taken every Monday for the week that ended.
      </p>
      {canRecordStatus ? (
        <div className="row no-print">
          <button type="button" disabled={busy} onClick={() => void run(() => take.mutateAsync({}), () => 'Snapshot taken.')}>
            Take a snapshot
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => backfill.mutateAsync(), (r) => `Backfilled ${count(r.created, 'week')} from history${r.approximate ? ` (${r.approximate} approximate)` : ''}.`)}
          >
            Backfill from history
          </button>
        </div>
      ) : null}
      <Notice notice={notice} live />
    </section>
  );
}
