import type { WebhookWithSecret } from '@handover/shared';
import { useState } from 'react';
import { useCreateWebhook } from '../../../api/webhooks/create-webhook';
import { useWebhooks } from '../../../api/webhooks/get-webhooks';
import { Notice } from '../../../components/ui/notice';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { useNotice } from '../../../lib/notice';
import { toCreateWebhook } from '../utils/webhooks';
import { NewWebhookSecret } from './new-webhook-secret';
import { WebhookCard } from './webhook-card';
import { WebhookForm } from './webhook-form';

/**
 * A plan's webhooks (docs/domain.md#webhooks): add one (its signing secret shown once), edit,
 * rotate the secret, delete, and read each one's delivery log.
 */
export function WebhooksView({ planId }: { planId: string }) {
  const webhooks = useWebhooks(planId);
  const create = useCreateWebhook(planId);
  const notices = useNotice();
  const [secret, setSecret] = useState<{ webhook: WebhookWithSecret; rotated: boolean } | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="stack">
      <Notice notice={notices.notice} live focus />
      {secret ? <NewWebhookSecret webhook={secret.webhook} rotated={secret.rotated} onDone={() => setSecret(null)} /> : null}
      <section className="stack" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">Webhooks</h2>
        <QueryState
          query={webhooks}
          loadingLabel="Loading the webhooks…"
          isEmpty={(d) => d.length === 0}
          empty={<EmptyState title="No webhooks yet">Add one to tell another tool (or a Slack channel) when something happens in this plan.</EmptyState>}
        >
          {(items) => (
            <ul className="plain-list stack" aria-label={`Webhooks (${items.length})`}>
              {items.map((w) => (
                <WebhookCard
                  key={w.id}
                  planId={planId}
                  webhook={w}
                  notices={notices}
                  onSecret={(webhook) => setSecret({ webhook, rotated: true })}
                />
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      <section className="card stack" aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">Add a webhook</h2>
        <WebhookForm
          key={formKey}
          onSubmit={async (values) => {
            const created = await create.mutateAsync(toCreateWebhook(values));
            notices.setNotice(null);
            setFormKey((k) => k + 1);
            setSecret({ webhook: created, rotated: false });
          }}
        />
      </section>
    </div>
  );
}
