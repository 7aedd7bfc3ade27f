import { WEBHOOK_EVENT_LABELS, type Webhook, type WebhookWithSecret } from '@handover/shared';
import { useState } from 'react';
import { useDeleteWebhook } from '../../../api/webhooks/delete-webhook';
import { useRotateWebhookSecret } from '../../../api/webhooks/rotate-webhook-secret';
import { useUpdateWebhook } from '../../../api/webhooks/update-webhook';
import { Badge } from '../../../components/ui/badge';
import { RemoveButton } from '../../../components/ui/remove-button';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { formatInstant } from '../../../lib/format';
import type { Notices } from '../../../lib/notice';
import { toUpdateWebhook } from '../utils/webhooks';
import { DeliveryLog } from './delivery-log';
import { WebhookForm } from './webhook-form';

const STALE = 'Someone changed this webhook meanwhile: it now shows their version. Make your change again.';
/** A 412 (the version the user saw is not the latest) reads as what to do; other refusals as the server says. */
const refusal = (message: string, error: unknown) => (isApiError(error) && error.status === 412 ? STALE : message);

/**
 * One webhook: where it posts, what it sends, and its actions (edit, rotate the secret, delete,
 * the delivery log). Writes carry the version shown, so a stale screen is refused, not applied.
 */
export function WebhookCard({
  planId,
  webhook,
  notices,
  onSecret,
}: {
  planId: string;
  webhook: Webhook;
  notices: Notices;
  onSecret: (webhook: WebhookWithSecret) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const update = useUpdateWebhook(planId);
  const remove = useDeleteWebhook(planId);
  const rotate = useRotateWebhookSecret(planId);
  const titleId = `webhook-${webhook.id}`;
  const logId = `webhook-log-${webhook.id}`;
  const name = `the webhook to ${webhook.url}`;
  return (
    <li className="card stack" aria-labelledby={titleId}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 id={titleId} className="break-anywhere" style={{ margin: 0 }}>
          {webhook.url}
        </h3>
        <span>
          <Badge value={webhook.active ? 'active' : 'inactive'} label={webhook.active ? 'Active' : 'Inactive'} />{' '}
          <span className="muted small">{webhook.format === 'slack' ? 'Slack message' : 'Standard Webhooks'}</span>
        </span>
      </div>
      {editing ? (
        <WebhookForm
          webhook={webhook}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            try {
              await update.mutateAsync({ id: webhook.id, version: webhook.version, body: toUpdateWebhook(values, webhook) });
            } catch (err) {
              if (isApiError(err) && err.status === 412) throw new Error(STALE, { cause: err });
              throw err;
            }
            setEditing(false);
            notices.setNotice({ kind: 'success', text: `Saved ${name}.`, focus: true });
          }}
        />
      ) : (
        <>
          <p className="small" style={{ margin: 0 }}>
            Sends: {webhook.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join('; ')}.
          </p>
          <p className="muted small" style={{ margin: 0 }}>
            Added {formatInstant(webhook.createdAt)}
            {webhook.previousSecretUntil ? ` · the previous secret also signs until ${formatInstant(webhook.previousSecretUntil)}` : ''}
          </p>
          <div className="row">
            <button type="button" className="button--small" onClick={() => setEditing(true)}>
              Edit<span className="visually-hidden"> {name}</span>
            </button>
            <button
              type="button"
              className="button--small"
              disabled={rotate.isPending}
              onClick={() =>
                // Success shows the new secret, which takes the focus; only a refusal becomes the notice.
                void rotate.mutateAsync({ id: webhook.id, version: webhook.version }).then(
                  (rotated) => {
                    notices.setNotice(null);
                    onSecret(rotated);
                  },
                  (err: unknown) => notices.setNotice({ kind: 'error', text: refusal(errorMessage(err), err) }),
                )
              }
            >
              Rotate secret<span className="visually-hidden"> of {name}</span>
            </button>
            <button type="button" className="button--small" aria-expanded={logOpen} aria-controls={logId} onClick={() => setLogOpen((o) => !o)}>
              {logOpen ? 'Hide' : 'Show'} delivery log<span className="visually-hidden"> of {name}</span>
            </button>
            <RemoveButton
              verb="Delete"
              name={name}
              consequence="It stops at once, and its delivery log goes with it. This cannot be undone."
              onRemove={() =>
                void notices.run(() => remove.mutateAsync({ id: webhook.id, version: webhook.version }), () => `Deleted ${name}.`, refusal, { focusDone: true })
              }
            />
          </div>
        </>
      )}
      <div id={logId} hidden={!logOpen}>
        {logOpen ? (
          <section aria-label={`Delivery log of ${name}`}>
            <h4 style={{ margin: '0 0 0.5rem' }}>Delivery log</h4>
            <DeliveryLog planId={planId} webhookId={webhook.id} />
          </section>
        ) : null}
      </div>
    </li>
  );
}
