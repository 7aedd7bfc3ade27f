import { ROLE_LABELS, RoleSchema, type Member, type Role, type User } from '@handover/shared';
import { useMembers } from '../../../api/members/get-members';
import { usePutMember } from '../../../api/members/put-member';
import { useRemoveMember } from '../../../api/members/remove-member';
import { DataTable, actionsColumn, type Column } from '../../../components/ui/data-table';
import { Notice } from '../../../components/ui/notice';
import { Options } from '../../../components/ui/options';
import { RemoveButton } from '../../../components/ui/remove-button';
import { QueryState } from '../../../components/ui/states';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useOutcome, type NoticeMessage } from '../../../lib/notice';
import { formatDate } from '../../../lib/format';
import { AddMemberForm } from './add-member-form';
import { MemberAccess } from './member-access';

const roleName = (role: Role) => ROLE_LABELS[role].toLowerCase();
const LAST_LEAD = 'A plan needs at least one lead: make someone else a lead first.';

/** The refusal of a change that would leave the plan without a lead (the server answers 409 `last-lead`). */
const refusal = (err: unknown) => (isApiError(err) && err.code === 'last-lead' ? LAST_LEAD : errorMessage(err));

/**
 * Members of a plan; leads change roles and access ends and remove (after a confirmation), admins
 * also add users. A change's outcome shows in the member's row, and a refusal takes the focus there.
 * `contractEndDate` is the plan's: agency members without an end of their own follow it.
 */
export function MembersPanel({
  planId,
  canEdit,
  users,
  contractEndDate,
}: {
  planId: string;
  canEdit: boolean;
  users?: User[];
  contractEndDate?: string | null;
}) {
  const members = useMembers(planId);
  const put = usePutMember(planId);
  const remove = useRemoveMember(planId);
  const outcome = useOutcome();
  const list = members.data?.items ?? [];
  const lastLead = (m: Member) => m.role === 'lead' && list.filter((x) => x.role === 'lead').length === 1;

  const report = (m: Member, next: NoticeMessage) => outcome.setRowNotice(m.userId, next);
  const handleRole = async (m: Member, role: Role) => {
    if (role !== 'lead' && lastLead(m)) return report(m, { kind: 'error', text: LAST_LEAD });
    try {
      // The membership is replaced as a whole: its access end goes with the new role.
      await put.mutateAsync({ userId: m.userId, role, accessUntil: m.accessUntil });
      report(m, { kind: 'success', text: `${m.name} is now ${roleName(role)}.` });
    } catch (err) {
      report(m, { kind: 'error', text: refusal(err) });
    }
  };
  const accessKey = (m: Member) => `${m.userId}:access`;
  const handleAccess = async (m: Member, accessUntil: string | null) => {
    try {
      await put.mutateAsync({ userId: m.userId, role: m.role, accessUntil });
      const text = accessUntil ? `${m.name} has access until ${formatDate(accessUntil)}.` : `${m.name}'s own access end was cleared.`;
      outcome.setRowNotice(accessKey(m), { kind: 'success', text });
    } catch (err) {
      outcome.setRowNotice(accessKey(m), { kind: 'error', text: refusal(err) });
    }
  };
  const handleRemove = async (m: Member) => {
    if (lastLead(m)) return report(m, { kind: 'error', text: LAST_LEAD });
    try {
      await remove.mutateAsync(m.userId);
      // The row is gone with its buttons: the notice takes the focus.
      outcome.setNotice({ kind: 'success', text: `${m.name} was removed from the plan.`, focus: true });
    } catch (err) {
      report(m, { kind: 'error', text: refusal(err) });
    }
  };

  const noteId = (m: Member) => `member-note-${m.userId}`;
  const rowNote = (m: Member) => outcome.of(m.userId);
  const columns: Column<Member>[] = [
    { key: 'name', header: 'Name', rowHeader: true, cell: (m) => m.name },
    { key: 'email', header: 'Email', cell: (m) => m.email },
    {
      key: 'role',
      header: 'Role',
      cell: (m) =>
        canEdit ? (
          <>
            <select
              aria-label={`Role of ${m.name}`}
              aria-describedby={rowNote(m) ? noteId(m) : undefined}
              value={m.role}
              onChange={(e) => void handleRole(m, e.target.value as Role)}
            >
              <Options values={RoleSchema.options} label={(r) => ROLE_LABELS[r]} />
            </select>
            <Notice id={noteId(m)} notice={rowNote(m)} focus="errors" compact />
          </>
        ) : (
          ROLE_LABELS[m.role]
        ),
    },
    {
      key: 'access',
      header: 'Access until',
      cell: (m) => (
        <MemberAccess
          member={m}
          contractEndDate={contractEndDate}
          onSave={canEdit ? (accessUntil) => void handleAccess(m, accessUntil) : undefined}
          notice={outcome.of(accessKey(m))}
        />
      ),
    },
  ];
  if (canEdit)
    columns.push(
      actionsColumn((m) => (
        <RemoveButton
          name={m.name}
          consequence={`${m.name} will no longer see this plan. Their past changes stay in the activity log.`}
          onRemove={() => void handleRemove(m)}
        />
      )),
    );

  return (
    <div className="stack">
      <Notice notice={outcome.notice} live focus="errors" />
      <QueryState query={members} isEmpty={(d) => d.items.length === 0} loadingLabel="Loading members…">
        {(data) => (
          <>
            <DataTable<Member> caption="Members" rows={data.items} rowKey={(m) => m.userId} columns={columns} />
            <p className="muted small">Access ends at the start of the date shown: the day before is the last day in the plan.</p>
          </>
        )}
      </QueryState>
      {canEdit && users ? (
        <AddMemberForm
          users={users.filter((u) => !list.some((m) => m.userId === u.id))}
          pending={put.isPending}
          contractEndDate={contractEndDate}
          onAdd={(user, role, accessUntil) =>
            void put.mutateAsync({ userId: user.id, role, accessUntil }).then(
              () => outcome.setNotice({ kind: 'success', text: `${user.name} was added as ${roleName(role)}.` }),
              (err: unknown) => outcome.setNotice({ kind: 'error', text: errorMessage(err) }),
            )
          }
          onRefused={(text) => outcome.setNotice({ kind: 'error', text })}
        />
      ) : null}
    </div>
  );
}
