import type { SnapshotComparison } from '@handover/shared';
import { comparisonSections } from '../../../api/snapshots/comparison-lines';

/** A comparison's sections as headed lists; `level` sets the heading level where the list sits. */
export function ChangesList({ comparison, level = 3 }: { comparison: SnapshotComparison; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="changes">
      {comparisonSections(comparison).map((s) => (
        <div key={s.key} data-section={s.key}>
          <Heading>{s.title}</Heading>
          {s.lines.length ? (
            <ul>
              {s.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
        </div>
      ))}
    </div>
  );
}
