import { CreatePostSchema, PostSourceSchema, SOURCE_LABELS, type CreatePost, type PostSource } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreatePost } from '../../../api/posts/create-post';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { isApiError, newIdempotencyKey } from '../../../lib/api-client';
import { formatInstant, localTimeZone, withArticle } from '../../../lib/format';
import { blankToNull, sharedResolver, type ErrorPlacement } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';

type Values = { channel: string; publishedAt: string; source: PostSource; externalId: string; author: string };

/** `datetime-local` is the user's local time without an offset; the API wants an instant. */
export function localToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export const toCreatePost = (v: Values): CreatePost => ({
  channel: v.channel,
  publishedAt: localToIso(v.publishedAt),
  source: v.source,
  externalId: blankToNull(v.externalId),
  author: blankToNull(v.author),
});

/** The date picker always sends a whole instant, so the only way to miss is to leave it blank. */
const placePostError: ErrorPlacement = (path, message) =>
  path === 'publishedAt' && message === 'must not be empty' ? { field: path, message: 'Choose the date and time it was published.' } : null;

/** A post dated after now: allowed (clocks differ, imports lag) but most likely a typo, so it is pointed out. */
export function futureWarning(value: string, now = new Date()): string | null {
  const iso = localToIso(value);
  if (!iso || Number.isNaN(Date.parse(iso)) || Date.parse(iso) <= now.getTime()) return null;
  return `That is in the future (${formatInstant(iso)}). Posts are recorded once published; check the date.`;
}

export function RecordPostForm({ planId, agencyOnly }: { planId: string; agencyOnly: boolean }) {
  const create = useCreatePost(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<Values>({
    resolver: sharedResolver(CreatePostSchema, toCreatePost, placePostError),
    defaultValues: { channel: '', publishedAt: '', source: agencyOnly ? 'agency' : 'in_house', externalId: '', author: '' },
  });
  const sources = agencyOnly ? (['agency'] as const) : PostSourceSchema.options;
  const submission = useFormSubmit(form, {
    place: placePostError,
    submit: async (values) => {
      try {
        const post = await create.mutateAsync({ body: toCreatePost(values), key });
        setKey(newIdempotencyKey());
        form.reset({ ...values, externalId: '', publishedAt: '' });
        return `Recorded ${withArticle(SOURCE_LABELS[post.source].toLowerCase())} post on ${post.channel}, published ${formatInstant(post.publishedAt)}.`;
      } catch (err) {
        // The pair (channel, external id) is already in the ledger: say so on the id, which is what to check.
        if (isApiError(err) && err.code === 'duplicate') return void form.setError('externalId', { type: 'server', message: err.message }, { shouldFocus: true });
        throw err;
      }
    },
  });
  const { register, formState, watch } = form;
  const e = formState.errors;
  const future = futureWarning(watch('publishedAt'));
  return (
    <GridForm label="Record a post" submitLabel="Record post" pendingLabel="Recording…" submission={submission}>
      <Field label="Channel" hint="e.g. instagram, linkedin" error={e.channel?.message}>
        <input {...register('channel')} />
      </Field>
      <Field
        label="Published at"
        error={e.publishedAt?.message}
        hint={
          <>
            In your local time, {localTimeZone()}.
            {future ? <span className="field__warning">{future}</span> : null}
          </>
        }
      >
        <input type="datetime-local" step={1} {...register('publishedAt')} />
      </Field>
      <Field label="Made by" error={e.source?.message} hint={agencyOnly ? 'Agency staff record agency posts.' : undefined}>
        <select {...register('source')}>
          <Options values={sources} label={(s) => SOURCE_LABELS[s]} />
        </select>
      </Field>
      <Field label="External id (optional)" hint="The post's id on the channel; prevents duplicates." error={e.externalId?.message}>
        <input {...register('externalId')} />
      </Field>
      <Field label="Author (optional)" error={e.author?.message}>
        <input {...register('author')} />
      </Field>
    </GridForm>
  );
}
