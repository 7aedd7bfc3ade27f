import { CreateBaselineSchema } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreateBaseline } from '../../../../api/baselines/create-baseline';
import { Dialog } from '../../../../components/ui/dialog';
import { Field } from '../../../../components/ui/field';
import { GridForm } from '../../../../components/ui/grid-form';
import { sharedResolver } from '../../../../lib/form';
import { todayIso } from '../../../../lib/format';
import { useFormSubmit } from '../../../../lib/use-form-submit';

type Values = { name: string };

/** "Take baseline" (leads): a name, then every milestone's due date and weight are frozen under it. */
export function TakeBaseline({ planId, onTaken }: { planId: string; onTaken: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const create = useCreateBaseline(planId);
  const form = useForm<Values>({ resolver: sharedResolver(CreateBaselineSchema, (v: Values) => v), defaultValues: { name: '' } });
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const baseline = await create.mutateAsync(values);
      setOpen(false);
      onTaken(`Baseline “${baseline.name}” taken: ${baseline.milestoneCount} milestone${baseline.milestoneCount === 1 ? '' : 's'} frozen.`);
    },
  });
  const openDialog = () => {
    form.reset({ name: `Baseline ${todayIso()}` });
    setOpen(true);
  };
  return (
    <>
      <button type="button" onClick={openDialog}>
        Take baseline
      </button>
      <Dialog open={open} title="Take a baseline" onClose={() => setOpen(false)}>
        <p>Freezes every milestone’s due date and weight. Each bar then shows how far its due date has moved since.</p>
        <GridForm
          label="Take a baseline"
          submitLabel="Take baseline"
          pendingLabel="Taking…"
          submission={submission}
          actions={
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          }
        >
          <Field label="Name" hint="e.g. “Plan agreed with the board”." error={form.formState.errors.name?.message}>
            <input autoComplete="off" {...form.register('name')} />
          </Field>
        </GridForm>
      </Dialog>
    </>
  );
}
