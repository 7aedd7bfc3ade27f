import { INGEST_RECEIVER_LABELS, type IngestSecret } from '@handover/shared';
import { useIngestSecrets } from '../../../api/ingest-secrets/get-ingest-secrets';
import { useRevokeIngestSecret } from '../../../api/ingest-secrets/revoke-ingest-secret';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { RemoveButton } from '../../../components/ui/remove-button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant } from '../../../lib/format';
import type { Notices } from '../../../lib/notice';

/** The plan's ingest secrets, revoked ones marked; a live one is revoked after a confirmation. */
export function SecretsTable({ planId, notices }: { planId: string; notices: Notices }) {
  const secrets = useIngestSecrets(planId);
  const revoke = useRevokeIngestSecret(planId);
  return (
    <QueryState
      query={secrets}
      loadingLabel="Loading the ingest secrets…"
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState title="No ingest secrets yet">Create one for each tool that should send its published posts here.</EmptyState>}
    >
      {(data) => (
        <DataTable<IngestSecret>
          caption={`Ingest secrets (${data.items.length})`}
          rows={data.items}
          rowKey={(s) => s.id}
          columns={[
            { key: 'name', header: 'Name', rowHeader: true, cell: (s) => s.name },
            { key: 'tool', header: 'Tool', cell: (s) => INGEST_RECEIVER_LABELS[s.receiver] },
            { key: 'created', header: 'Created', cell: (s) => `${formatInstant(s.createdAt)}${s.createdBy ? ` by ${s.createdBy.name}` : ''}` },
            { key: 'used', header: 'Last used', cell: (s) => (s.lastUsedAt ? formatInstant(s.lastUsedAt) : 'Never') },
            {
              key: 'state',
              header: 'State',
              cell: (s) =>
                s.revokedAt ? (
                  <>
                    <Badge value="revoked" label="Revoked" /> {formatInstant(s.revokedAt)}
                  </>
                ) : (
                  'Active'
                ),
            },
            actionsColumn((s) =>
              s.revokedAt ? null : (
                <RemoveButton
                  verb="Revoke"
                  name={s.name}
                  consequence={`${INGEST_RECEIVER_LABELS[s.receiver]} is refused at this address from now on. This cannot be undone: create a new secret to replace it.`}
                  onRemove={() => void notices.run(() => revoke.mutateAsync(s.id), () => `Revoked “${s.name}”.`, undefined, { focusDone: true })}
                />
              ),
            ),
          ]}
        />
      )}
    </QueryState>
  );
}
