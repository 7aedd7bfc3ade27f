import type { Person } from '@handover/shared';
import { useDeletePerson } from '../../../api/people/delete-person';
import { usePeople } from '../../../api/people/get-people';
import { DataTable, actionsColumn, type Column } from '../../../components/ui/data-table';
import { RemoveButton } from '../../../components/ui/remove-button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import type { Notices } from '../../../lib/notice';
import { AddPersonForm } from './add-person-form';

/** The in-house team whose skills are assessed. */
export function PeopleSection({ planId, canEdit, notices }: { planId: string; canEdit: boolean; notices: Notices }) {
  const people = usePeople(planId);
  const remove = useDeletePerson(planId);
  const columns: Column<Person>[] = [
    { key: 'name', header: 'Name', rowHeader: true, cell: (p) => p.name },
    { key: 'title', header: 'Job title', cell: (p) => p.title ?? '—' },
  ];
  if (canEdit)
    columns.push(
      actionsColumn((p) => (
        <RemoveButton
          name={p.name}
          consequence={`${p.name} leaves the team, and every assessment of ${p.name} is deleted too. This cannot be undone.`}
          onRemove={() => void notices.run(() => remove.mutateAsync(p.id), () => `Removed ${p.name} and their assessments.`, undefined, { focusDone: true })}
        />
      )),
    );
  return (
    <section className="card stack" aria-labelledby="people">
      <h2 id="people">People</h2>
      {canEdit ? <AddPersonForm planId={planId} notices={notices} /> : null}
      <QueryState query={people} loadingLabel="Loading people…" isEmpty={(d) => d.length === 0} empty={<EmptyState title="No people yet" />}>
        {(items) => <DataTable<Person> caption="The in-house team" captionHidden rows={items} rowKey={(p) => p.id} columns={columns} />}
      </QueryState>
    </section>
  );
}
