import { SOURCE_LABELS, type RosterKind, type RosterSide } from '@handover/shared';
import { useRef, useState } from 'react';
import { useCreateRosterEntry } from '../../../api/roster/create-roster-entry';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { errorMessage } from '../../../lib/api-client';
import type { NoticeMessage } from '../../../lib/notice';

type Unknown = { value: string; rows: number };

const KIND_WORDS: Record<RosterKind, { title: string; one: string }> = {
  author: { title: 'Unknown authors', one: 'author' },
  channel: { title: 'Unknown channels', one: 'channel' },
};

/**
 * Authors (or accounts and networks) the roster does not know, with the rows each one would
 * classify. One click adds a roster entry on that side; the preview is refreshed by the roster
 * write (see query-keys.ts), so the value leaves this list and its rows move to their side. The
 * focus stays on this list's heading, so a keyboard goes on to the next value from there.
 */
export function UnknownValues({
  planId,
  kind,
  items,
  sides,
  onNotice,
  cannotClassify,
}: {
  planId: string;
  kind: RosterKind;
  items: Unknown[];
  /** The sides the caller may add entries on; none: the list is shown with `cannotClassify`. */
  sides: readonly RosterSide[];
  onNotice: (notice: NoticeMessage) => void;
  cannotClassify?: string;
}) {
  const create = useCreateRosterEntry(planId);
  const [busy, setBusy] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const words = KIND_WORDS[kind];
  const headingId = `unknown-${kind}s`;

  const classify = async (value: string, side: RosterSide) => {
    setBusy(value);
    try {
      await create.mutateAsync({ body: { kind, match: value, side } });
      onNotice({ kind: 'success', text: `“${value}” is now in the roster as ${SOURCE_LABELS[side].toLowerCase()}; the preview is updated.` });
      headingRef.current?.focus();
    } catch (err) {
      onNotice({ kind: 'error', text: `“${value}” was not added: ${errorMessage(err)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="stack" aria-labelledby={headingId} data-testid={`unknown-${kind}s`}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {words.title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          None: the roster knows every {words.one} in the file.
        </p>
      ) : (
        <>
          {sides.length === 0 && cannotClassify ? (
            <p className="small muted" style={{ margin: 0 }}>
              {cannotClassify}
            </p>
          ) : null}
          <DataTable<Unknown>
            caption={`${words.title} and the rows each would classify`}
            captionHidden
            rows={items}
            rowKey={(u) => u.value}
            columns={[
              { key: 'value', header: kind === 'author' ? 'Author' : 'Account or channel', rowHeader: true, cell: (u) => u.value },
              { key: 'rows', header: 'Rows', numeric: true, cell: (u) => u.rows },
              ...(sides.length
                ? [
                    actionsColumn<Unknown>((u) => (
                      <div className="row" style={{ gap: '0.35rem' }}>
                        {sides.map((side) => (
                          <button
                            key={side}
                            type="button"
                            className="button--small"
                            disabled={busy !== null}
                            onClick={() => void classify(u.value, side)}
                            aria-label={`${SOURCE_LABELS[side]}: add “${u.value}” to the roster as ${SOURCE_LABELS[side].toLowerCase()}`}
                          >
                            {SOURCE_LABELS[side]}
                          </button>
                        ))}
                      </div>
                    )),
                  ]
                : []),
            ]}
          />
        </>
      )}
    </section>
  );
}
