import { ROLE_LABELS, RoleSchema, type Member, type Role, type User } from '@handover/shared';
import { useState } from 'react';
import { useMembers } from '../../../api/members/get-members';
import { usePutMember } from '../../../api/members/put-member';
import { useRemoveMember } from '../../../api/members/remove-member';
import { DataTable, actionsColumn, type Column } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { Notice } from '../../../components/ui/notice';
import { Options } from '../../../components/ui/options';
import { RemoveButton } from '../../../components/ui/remove-button';
import { QueryState } from '../../../components/ui/states';
import { useNotice } from '../../../lib/notice';

const ROLES = RoleSchema.options;
const roleName = (role: Role) => ROLE_LABELS[role].toLowerCase();

const RoleOptions = () => <Options values={ROLES} label={(r) => ROLE_LABELS[r]} />;

/** Members of a plan; leads change roles and remove, admins also add any user. */
export function MembersPanel({ planId, canEdit, users }: { planId: string; canEdit: boolean; users?: User[] }) {
  const members = useMembers(planId);
  const put = usePutMember(planId);
  const remove = useRemoveMember(planId);
  const { notice, setNotice, run } = useNotice();
  const [newUser, setNewUser] = useState('');
  const [newRole, setNewRole] = useState<Role>('executive');

  const setRole = (userId: string, role: Role, done: string) => run(() => put.mutateAsync({ userId, role }), () => done);
  const columns: Column<Member>[] = [
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
            onChange={(e) => {
              const role = e.target.value as Role;
              void setRole(m.userId, role, `${m.name} is now ${roleName(role)}.`);
            }}
          >
            <RoleOptions />
          </select>
        ) : (
          ROLE_LABELS[m.role]
        ),
    },
  ];
  if (canEdit)
    columns.push(actionsColumn((m) => <RemoveButton name={m.name} onRemove={() => void run(() => remove.mutateAsync(m.userId), () => `${m.name} was removed.`)} />));

  return (
    <div className="stack">
      <Notice notice={notice} />
      <QueryState query={members} isEmpty={(d) => d.items.length === 0} loadingLabel="Loading members…">
        {(data) => <DataTable<Member> caption="Members" rows={data.items} rowKey={(m) => m.userId} columns={columns} />}
      </QueryState>
      {canEdit && users ? (
        <form
          className="filters"
          aria-label="Add a member"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newUser) return setNotice({ kind: 'error', text: 'Choose a user to add.' });
            const user = users.find((u) => u.id === newUser);
            void setRole(newUser, newRole, `${user?.name ?? 'The user'} was added as ${roleName(newRole)}.`);
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
              <RoleOptions />
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
