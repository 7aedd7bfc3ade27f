import type { ApiToken } from '@handover/shared';
import { useRevokeToken } from '../../../api/tokens/revoke-token';
import { useTokens } from '../../../api/tokens/get-tokens';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { RemoveButton } from '../../../components/ui/remove-button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatInstant } from '../../../lib/format';
import type { Notices } from '../../../lib/notice';
import { isExpired, scopeText } from '../utils/scope';

/** The caller's API tokens, each revocable after a confirmation; the outcome goes to the page's notice. */
export function TokensTable({ planNames, notices }: { planNames: ReadonlyMap<string, string>; notices: Notices }) {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const now = Date.now();
  return (
    <QueryState
      query={tokens}
      loadingLabel="Loading your tokens…"
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState title="No API tokens yet">Scripts and other tools sign in with one.</EmptyState>}
    >
      {(data) => (
        <DataTable<ApiToken>
          caption={`Your API tokens (${data.items.length})`}
          rows={data.items}
          rowKey={(t) => t.id}
          columns={[
            { key: 'name', header: 'Name', rowHeader: true, cell: (t) => t.name },
            {
              key: 'expires',
              header: 'Expires',
              cell: (t) =>
                isExpired(t.expiresAt, now) ? (
                  <>
                    <Badge value="expired" label="Expired" /> {formatInstant(t.expiresAt)}
                  </>
                ) : (
                  formatInstant(t.expiresAt)
                ),
            },
            { key: 'scope', header: 'May do', cell: (t) => scopeText(t, planNames) },
            { key: 'created', header: 'Created', cell: (t) => formatInstant(t.createdAt) },
            { key: 'used', header: 'Last used', cell: (t) => (t.lastUsedAt ? formatInstant(t.lastUsedAt) : 'Never') },
            actionsColumn((t) => (
              <RemoveButton
                verb="Revoke"
                name={t.name}
                consequence={`Whatever uses “${t.name}” is refused from now on. This cannot be undone: make a new token to replace it.`}
                onRemove={() => void notices.run(() => revoke.mutateAsync(t.id), () => `Revoked “${t.name}”.`, undefined, { focusDone: true })}
              />
            )),
          ]}
        />
      )}
    </QueryState>
  );
}
