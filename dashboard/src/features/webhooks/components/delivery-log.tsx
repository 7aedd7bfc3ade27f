import type { WebhookDelivery } from '@handover/shared';
import { useState } from 'react';
import { DELIVERIES_PAGE_SIZE, useDeliveries } from '../../../api/webhooks/get-deliveries';
import { useRedeliver } from '../../../api/webhooks/redeliver';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { Notice } from '../../../components/ui/notice';
import { Pager } from '../../../components/ui/pager';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant } from '../../../lib/format';
import { useNotice } from '../../../lib/notice';
import { DELIVERY_STATE_LABELS, attemptText } from '../utils/webhooks';

/** A webhook's deliveries, newest first, each attempt with its status code or error; a failed one can be sent again. */
export function DeliveryLog({ planId, webhookId }: { planId: string; webhookId: string }) {
  const [offset, setOffset] = useState(0);
  const deliveries = useDeliveries(planId, webhookId, offset);
  const redeliver = useRedeliver(planId, webhookId);
  const notices = useNotice();
  return (
    <div className="stack">
      <Notice notice={notices.notice} live focus="errors" />
      <QueryState
        query={deliveries}
        loadingLabel="Loading the delivery log…"
        isEmpty={(d) => d.total === 0}
        empty={<EmptyState title="Nothing delivered yet">Each event this webhook subscribes to appears here with every attempt.</EmptyState>}
      >
        {(page) => (
          <>
            <DataTable<WebhookDelivery>
              caption={`Deliveries ${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`}
              rows={page.items}
              rowKey={(d) => d.id}
              columns={[
                { key: 'event', header: 'Event', rowHeader: true, cell: (d) => <code>{d.eventType}</code> },
                { key: 'created', header: 'Created', cell: (d) => formatInstant(d.createdAt) },
                {
                  key: 'state',
                  header: 'State',
                  cell: (d) => (
                    <>
                      <Badge value={d.state} label={DELIVERY_STATE_LABELS[d.state]} />
                      {d.nextAttemptAt ? <div className="muted small">Next try {formatInstant(d.nextAttemptAt)}</div> : null}
                    </>
                  ),
                },
                {
                  key: 'attempts',
                  header: 'Attempts',
                  cell: (d) =>
                    d.attempts.length === 0 ? (
                      'None yet'
                    ) : (
                      <ol className="attempts">
                        {d.attempts.map((a, i) => (
                          <li key={i}>
                            {formatInstant(a.at)}: {attemptText(a)} <span className="muted small">({a.durationMs} ms)</span>
                          </li>
                        ))}
                      </ol>
                    ),
                },
                actionsColumn((d) =>
                  d.state === 'failed' ? (
                    <button
                      type="button"
                      className="button--small"
                      disabled={redeliver.isPending}
                      onClick={() => void notices.run(() => redeliver.mutateAsync(d.id), () => `Queued ${d.eventType} to be sent again.`)}
                    >
                      Redeliver<span className="visually-hidden"> {d.eventType} of {formatInstant(d.createdAt)}</span>
                    </button>
                  ) : null,
                ),
              ]}
            />
            {page.total > DELIVERIES_PAGE_SIZE ? (
              <Pager offset={offset} total={page.total} pageSize={DELIVERIES_PAGE_SIZE} onChange={setOffset} labels={['Newer', 'Older']} />
            ) : null}
          </>
        )}
      </QueryState>
      <div>
        <button type="button" className="button--small" onClick={() => void deliveries.refetch()} disabled={deliveries.isFetching}>
          Refresh the log
        </button>
      </div>
    </div>
  );
}
