import type { User } from '@handover/shared';
import { useUsers } from '../../../api/users/get-users';
import { DataTable } from '../../../components/ui/data-table';
import { QueryState } from '../../../components/ui/states';
import { formatInstant } from '../../../lib/format';

/** Everyone who can sign in. */
export function UsersTable() {
  const users = useUsers();
  return (
    <QueryState query={users} loadingLabel="Loading users…" isEmpty={(d) => d.length === 0}>
      {(data) => (
        <DataTable<User>
          caption={`Users (${data.length})`}
          rows={data}
          rowKey={(u) => u.id}
          columns={[
            { key: 'name', header: 'Name', rowHeader: true, cell: (u) => u.name },
            { key: 'email', header: 'Email', cell: (u) => u.email },
            { key: 'admin', header: 'Admin', cell: (u) => (u.isAdmin ? 'Yes' : 'No') },
            { key: 'created', header: 'Created', cell: (u) => formatInstant(u.createdAt) },
          ]}
        />
      )}
    </QueryState>
  );
}
