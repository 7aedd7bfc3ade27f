import { PageHeader } from '../../components/ui/page-header';
import { WebhooksView } from '../../features/webhooks/components/webhooks-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function SettingsWebhooksPage() {
  const { plan } = usePlanContext();
  useTitle(`Webhooks · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Tell another tool, or a Slack channel, when a milestone is done, a handover moves or a gate opens. Failed deliveries are retried for a day; the log shows every attempt."
      />
      <WebhooksView planId={plan.id} />
    </>
  );
}
