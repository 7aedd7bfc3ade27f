import { PageHeader } from '../../components/ui/page-header';
import { IngestSecretsView } from '../../features/ingest-secrets/components/ingest-secrets-view';
import { usePlanContext } from '../use-session';
import { useTitle } from '../use-title';

export default function SettingsIngestPage() {
  const { plan } = usePlanContext();
  useTitle(`Receivers · ${plan.name}`);
  return (
    <>
      <PageHeader
        title="Receivers"
        description="Postiz and Agorapulse can send each post they publish to this plan. Each tool gets its own secret address; posts the roster cannot place wait in the inbox."
      />
      <IngestSecretsView planId={plan.id} origin={window.location.origin} />
    </>
  );
}
