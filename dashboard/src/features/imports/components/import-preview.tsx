import type { ImportPreview as Preview, RosterSide } from '@handover/shared';
import { DataTable } from '../../../components/ui/data-table';
import type { NoticeMessage } from '../../../lib/notice';
import { readLine, sideRows } from '../utils/preview';
import { UnknownValues } from './unknown-values';

/**
 * What the mapping would import: the rows by side, the errors by line, and the authors and
 * channels the roster does not know yet (each classifiable in one click, as the role allows).
 */
export function ImportPreview({
  planId,
  preview,
  refreshing,
  authorSides,
  channelSides,
  onNotice,
}: {
  planId: string;
  preview: Preview;
  refreshing: boolean;
  authorSides: readonly RosterSide[];
  channelSides: readonly RosterSide[];
  onNotice: (notice: NoticeMessage) => void;
}) {
  return (
    <div className="stack" data-testid="import-preview" aria-busy={refreshing}>
      <p style={{ margin: 0 }} data-testid="import-read-line">
        {readLine(preview)}
        {refreshing ? <span className="muted"> Updating…</span> : null}
      </p>
      <dl className="side-counts" data-testid="import-by-side" aria-label="New posts by side">
        {sideRows(preview).map((s) => (
          <div key={s.key}>
            <dt>{s.label}</dt>
            <dd>{s.rows}</dd>
          </div>
        ))}
      </dl>
      {preview.errorCount > 0 ? (
        <div className="stack" data-testid="import-errors">
          <DataTable<Preview['errors'][number]>
            caption={
              preview.errorCount > preview.errors.length
                ? `Errors by line (the first ${preview.errors.length} of ${preview.errorCount})`
                : `Errors by line (${preview.errorCount})`
            }
            rows={preview.errors}
            rowKey={(e, i) => `${e.line}-${i}`}
            columns={[
              { key: 'line', header: 'Line', numeric: true, rowHeader: true, cell: (e) => e.line },
              { key: 'message', header: 'Problem', cell: (e) => e.message },
            ]}
          />
        </div>
      ) : null}
      <div className="grid grid--wide">
        <UnknownValues planId={planId} kind="author" items={preview.unknownAuthors} sides={authorSides} onNotice={onNotice} />
        <UnknownValues
          planId={planId}
          kind="channel"
          items={preview.unknownChannels}
          sides={channelSides}
          onNotice={onNotice}
          cannotClassify="A lead adds accounts and channels to the roster; meanwhile choose a default side for their rows."
        />
      </div>
    </div>
  );
}
