import type { User } from '@handover/shared';
import { useDeactivateUser } from '../../../api/users/deactivate-user';
import { useUsers } from '../../../api/users/get-users';
import { useReactivateUser } from '../../../api/users/reactivate-user';
import { Badge } from '../../../components/ui/badge';
import { DataTable, actionsColumn } from '../../../components/ui/data-table';
import { Notice } from '../../../components/ui/notice';
import { RemoveButton } from '../../../components/ui/remove-button';
import { QueryState } from '../../../components/ui/states';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { formatInstant } from '../../../lib/format';
import { useOutcome } from '../../../lib/notice';

const SELF = 'You cannot deactivate yourself: ask another administrator to do it.';

/** The refusal of deactivating one's own account (the server answers 409 `self-deactivation`). */
const refusal = (err: unknown) => (isApiError(err) && err.code === 'self-deactivation' ? SELF : errorMessage(err));

/**
 * Everyone who can sign in, and admins cut a person off or let them back
 * (docs/domain.md#access-lifecycle). The outcome shows in the user's row and takes the focus:
 * the button that acted is replaced by its opposite once the list is read again.
 */
export function UsersTable({ currentUserId }: { currentUserId?: string }) {
  const users = useUsers();
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const outcome = useOutcome();
  const pending = deactivate.isPending || reactivate.isPending;

  const handleDeactivate = async (u: User) => {
    try {
      await deactivate.mutateAsync(u.id);
      outcome.setRowNotice(u.id, { kind: 'success', text: `${u.name} is deactivated: their sessions and API tokens have ended.`, focus: true });
    } catch (err) {
      outcome.setRowNotice(u.id, { kind: 'error', text: refusal(err) });
    }
  };
  const handleReactivate = async (u: User) => {
    try {
      await reactivate.mutateAsync(u.id);
      outcome.setRowNotice(u.id, { kind: 'success', text: `${u.name} can sign in again.`, focus: true });
    } catch (err) {
      outcome.setRowNotice(u.id, { kind: 'error', text: errorMessage(err) });
    }
  };

  const noteId = (u: User) => `user-note-${u.id}`;
  return (
    <QueryState query={users} loadingLabel="Loading users…" isEmpty={(d) => d.length === 0}>
      {(data) => (
        <DataTable<User>
          caption={`Users (${data.length})`}
          rows={data}
          rowKey={(u) => u.id}
          columns={[
            { key: 'name', header: 'Name', rowHeader: true, cell: (u) => (u.id === currentUserId ? `${u.name} (you)` : u.name) },
            { key: 'status', header: 'Status', cell: (u) => (u.active ? <Badge value="active" label="Active" /> : <Badge value="deactivated" label="Deactivated" />) },
            { key: 'email', header: 'Email', cell: (u) => u.email },
            { key: 'admin', header: 'Admin', cell: (u) => (u.isAdmin ? 'Yes' : 'No') },
            { key: 'created', header: 'Created', cell: (u) => formatInstant(u.createdAt) },
            actionsColumn((u) => (
              <>
                {u.active ? (
                  <RemoveButton
                    verb="Deactivate"
                    name={u.name}
                    disabled={pending}
                    consequence={`${u.name} is signed out everywhere at once: every session and API token of theirs ends, and they cannot sign in. Their memberships and everything they did stay as they are; you can reactivate them later.`}
                    onRemove={() => void handleDeactivate(u)}
                  />
                ) : (
                  <button type="button" className="button--small" disabled={pending} onClick={() => void handleReactivate(u)} aria-describedby={outcome.of(u.id) ? noteId(u) : undefined}>
                    Reactivate<span className="visually-hidden"> {u.name}</span>
                  </button>
                )}
                <Notice id={noteId(u)} notice={outcome.of(u.id)} focus="errors" compact />
              </>
            )),
          ]}
        />
      )}
    </QueryState>
  );
}
