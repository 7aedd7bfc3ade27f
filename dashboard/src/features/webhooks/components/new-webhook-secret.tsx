import type { WebhookWithSecret } from '@handover/shared';
import { ShownOnce } from '../../../components/ui/shown-once';

/** A webhook's signing secret, just made or rotated, shown this once (the server cannot show it again). */
export function NewWebhookSecret({ webhook, rotated, onDone }: { webhook: WebhookWithSecret; rotated: boolean; onDone: () => void }) {
  return (
    <ShownOnce
      id={`${webhook.id}-${webhook.version}`}
      title={rotated ? 'The new signing secret' : 'The webhook’s signing secret'}
      valueLabel={`Signing secret of the webhook to ${webhook.url}`}
      value={webhook.secret}
      copyLabel="Copy secret"
      onDone={onDone}
    >
      <p>
        {webhook.format === 'slack'
          ? 'Slack messages are not signed (the URL is the credential); keep this secret only if you switch the format to Standard Webhooks later.'
          : 'The receiver checks each request’s webhook-signature with this secret.'}{' '}
        Copy it now: it is shown only this once.
        {rotated ? ' The previous secret also signs for 24 hours, so the receiver can switch over.' : ''}
      </p>
    </ShownOnce>
  );
}
