import { ROLE_LABELS, RoleSchema, type Role, type User } from '@handover/shared';
import { useState } from 'react';
import { Field } from '../../../components/ui/field';
import { Options } from '../../../components/ui/options';
import { accessHint } from '../utils/access';

/** Admins add a user to the plan with a role and an optional access end; `users` are those not yet members. */
export function AddMemberForm({
  users,
  pending,
  contractEndDate,
  onAdd,
  onRefused,
}: {
  users: User[];
  pending: boolean;
  contractEndDate?: string | null;
  onAdd: (user: User, role: Role, accessUntil: string | null) => void;
  onRefused: (text: string) => void;
}) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('executive');
  const [accessUntil, setAccessUntil] = useState('');
  if (users.length === 0) return <p className="muted small">Every user is already a member of this plan.</p>;
  return (
    <form
      className="filters"
      aria-label="Add a member"
      onSubmit={(e) => {
        e.preventDefault();
        const user = users.find((u) => u.id === userId);
        if (!user) return onRefused('Choose a user to add.');
        setUserId('');
        setAccessUntil('');
        onAdd(user, role, accessUntil === '' ? null : accessUntil);
      }}
    >
      <Field label="User">
        <select value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">Choose…</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Role">
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <Options values={RoleSchema.options} label={(r) => ROLE_LABELS[r]} />
        </select>
      </Field>
      <Field label="Access until (optional)" hint={accessHint(role, contractEndDate)}>
        <input type="date" value={accessUntil} onChange={(e) => setAccessUntil(e.target.value)} />
      </Field>
      <button type="submit" className="button--primary" disabled={pending}>
        Add member
      </button>
    </form>
  );
}
