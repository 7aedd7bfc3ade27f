import type { CreatedIngestSecret } from '@handover/shared';
import { SecretManager } from '../../../components/ui/secret-manager';
import { CreateSecretForm } from './create-secret-form';
import { NewSecret } from './new-secret';
import { SecretsTable } from './secrets-table';

/** A plan's receivers for scheduling tools: make a secret (its address shown once), see when each was last used, revoke. */
export function IngestSecretsView({ planId, origin }: { planId: string; origin: string }) {
  return (
    <SecretManager<CreatedIngestSecret>
      list={{ id: 'ingest-secrets-title', title: 'Secrets' }}
      form={{ id: 'new-ingest-secret', title: 'New secret' }}
      shown={(secret, onDone) => <NewSecret secret={secret} origin={origin} onDone={onDone} />}
      table={(notices) => <SecretsTable planId={planId} notices={notices} />}
      create={(onCreated) => <CreateSecretForm planId={planId} onCreated={onCreated} />}
    />
  );
}
