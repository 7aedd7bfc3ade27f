import type { CreatedIngestSecret } from '@handover/shared';
import { useState } from 'react';
import { Notice } from '../../../components/ui/notice';
import { useNotice } from '../../../lib/notice';
import { CreateSecretForm } from './create-secret-form';
import { NewSecret } from './new-secret';
import { SecretsTable } from './secrets-table';

/** A plan's receivers for scheduling tools: make a secret (its address shown once), see when each was last used, revoke. */
export function IngestSecretsView({ planId, origin }: { planId: string; origin: string }) {
  const notices = useNotice();
  const [created, setCreated] = useState<CreatedIngestSecret | null>(null);
  return (
    <div className="stack">
      <Notice notice={notices.notice} live focus />
      {created ? <NewSecret secret={created} origin={origin} onDone={() => setCreated(null)} /> : null}
      <section className="card stack" aria-labelledby="ingest-secrets-title">
        <h2 id="ingest-secrets-title">Secrets</h2>
        <SecretsTable planId={planId} notices={notices} />
      </section>
      <section className="card stack" aria-labelledby="new-ingest-secret">
        <h2 id="new-ingest-secret">New secret</h2>
        <CreateSecretForm
          planId={planId}
          onCreated={(secret) => {
            notices.setNotice(null);
            setCreated(secret);
          }}
        />
      </section>
    </div>
  );
}
