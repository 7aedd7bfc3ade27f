import type { SnapshotListItem } from '@handover/shared';
import { comparisonSections } from '../../../api/snapshots/comparison-lines';
import { useSnapshotComparison } from '../../../api/snapshots/compare-snapshots';
import { formatDate, formatInstant } from '../../../lib/format';
import { CardQuery } from './card-query';

const TITLE = 'What changed this week';

/** A weekly snapshot is named by its week; a manual one by when it was taken. */
const moment = (s: SnapshotListItem) => (s.weekStart ? `the week of ${formatDate(s.weekStart)}` : formatInstant(s.takenAt));

/** The latest snapshot against the one before it, in sentences (docs/domain.md#status-on-the-dashboard). */
export function WhatChangedCard({ planId, latest, previous }: { planId: string; latest: SnapshotListItem; previous: SnapshotListItem | undefined }) {
  const comparison = useSnapshotComparison(planId, previous?.id, latest.id);
  if (!previous)
    return (
      <section className="card" aria-label={TITLE}>
        <h2>{TITLE}</h2>
        <p className="muted">Only one snapshot so far: the next one will show what changed since {moment(latest)}.</p>
      </section>
    );
  return (
    <CardQuery title={TITLE} query={comparison}>
      {(c) => (
        <section className="card" aria-labelledby="what-changed-title" data-testid="what-changed">
          <h2 id="what-changed-title">{TITLE}</h2>
          <p className="muted small">
            From {moment(previous)} to {moment(latest)}.
          </p>
          {comparisonSections(c).map((s) => (
            <div key={s.key}>
              <h3 className="small">{s.title}</h3>
              {s.lines.length ? (
                <ul className="small">
                  {s.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">None.</p>
              )}
            </div>
          ))}
        </section>
      )}
    </CardQuery>
  );
}
