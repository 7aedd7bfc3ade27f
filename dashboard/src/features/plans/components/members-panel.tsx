import { RoleSchema, type Member, type Role, type User } from '@handover/shared';
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { Field, FormError } from '../../../components/ui/field';
import { QueryState } from '../../../components/ui/states';
import { errorMessage } from '../../../lib/api-client';
import { humanize } from '../../../lib/format';
import { useMembers } from '../api/get-members';
import { usePutMember } from '../api/put-member';
import { useRemoveMember } from '../api/remove-member';

const ROLES = RoleSchema.options;

/** Members of a plan; leads change roles and remove, admins also add any user. */
export function MembersPanel({ planId, canEdit, users }: { planId: string; canEdit: boolean; users?: User[] }) {
  const members = useMembers(planId);
  const put = usePutMember(planId);
  const remove = useRemoveMember(planId);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [newUser, setNewUser] = useState('');
  const [newRole, setNewRole] = useState<Role>('executive');

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    setStatus(null);
    try {
      await action();
      setStatus(done);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="stack">
      <FormError message={error} />
      {status ? (
        <p role="status" className="alert alert--success">
          {status}
        </p>
      ) : null}
      <QueryState query={members} isEmpty={(d) => d.items.length === 0} loadingLabel="Loading members…">
        {(data) => (
          <DataTable<Member>
            caption="Members"
            rows={data.items}
            rowKey={(m) => m.userId}
            columns={[
              { key: 'name', header: 'Name', rowHeader: true, cell: (m) => m.name },
              { key: 'email', header: 'Email', cell: (m) => m.email },
              {
                key: 'role',
                header: 'Role',
                cell: (m) =>
                  canEdit ? (
                    <select
                      aria-label={`Role of ${m.name}`}
                      value={m.role}
                      onChange={(e) => void run(() => put.mutateAsync({ userId: m.userId, role: e.target.value as Role }), `${m.name} is now ${e.target.value}.`)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {humanize(r)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    humanize(m.role)
                  ),
              },
              ...(canEdit
                ? [
                    {
                      key: 'remove',
                      header: <span className="visually-hidden">Actions</span>,
                      cell: (m: Member) => (
                        <button
                          type="button"
                          className="button--small button--danger"
                          onClick={() => void run(() => remove.mutateAsync(m.userId), `${m.name} was removed.`)}
                        >
                          Remove<span className="visually-hidden"> {m.name}</span>
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {canEdit && users ? (
        <form
          className="filters"
          aria-label="Add a member"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newUser) {
              setError('Choose a user to add.');
              return;
            }
            const user = users.find((u) => u.id === newUser);
            void run(() => put.mutateAsync({ userId: newUser, role: newRole }), `${user?.name ?? 'The user'} was added as ${newRole}.`);
          }}
        >
          <Field label="User">
            <select value={newUser} onChange={(e) => setNewUser(e.target.value)}>
              <option value="">Choose…</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Role">
            <select value={newRole} onChange={(e) => setNewRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {humanize(r)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button--primary" disabled={put.isPending}>
            Add member
          </button>
        </form>
      ) : null}
    </div>
  );
}
