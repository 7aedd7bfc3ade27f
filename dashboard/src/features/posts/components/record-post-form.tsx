import { CreatePostSchema, PostSourceSchema, type CreatePost, type PostSource } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, FormError } from '../../../components/ui/field';
import { errorMessage, newIdempotencyKey } from '../../../lib/api-client';
import { applyServerErrors, blankToNull, sharedResolver } from '../../../lib/form';
import { useCreatePost } from '../api/create-post';
import { SOURCE_LABELS } from '../utils/csv-preview';

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

export function RecordPostForm({ planId, agencyOnly, onRecorded }: { planId: string; agencyOnly: boolean; onRecorded: (text: string) => void }) {
  const create = useCreatePost(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: sharedResolver(CreatePostSchema, toCreatePost),
    defaultValues: { channel: '', publishedAt: '', source: agencyOnly ? 'agency' : 'in_house', externalId: '', author: '' },
  });
  const sources = agencyOnly ? (['agency'] as const) : PostSourceSchema.options;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const post = await create.mutateAsync({ body: toCreatePost(values), key });
      setKey(newIdempotencyKey());
      reset({ ...values, externalId: '', publishedAt: '' });
      onRecorded(`Recorded ${post.source === 'agency' ? 'an agency' : post.source === 'in_house' ? 'an in-house' : 'a co-authored'} post on ${post.channel}.`);
    } catch (err) {
      if (!applyServerErrors(err, setError, ['channel', 'publishedAt', 'source', 'externalId', 'author'])) setFormError(errorMessage(err));
    }
  });
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Record a post">
      <FormError message={formError} />
      <div className="form-grid">
        <Field label="Channel" hint="e.g. instagram, linkedin" error={e.channel?.message}>
          <input {...register('channel')} />
        </Field>
        <Field label="Published at" error={e.publishedAt?.message}>
          <input type="datetime-local" step={1} {...register('publishedAt')} />
        </Field>
        <Field label="Made by" error={e.source?.message} hint={agencyOnly ? 'Agency staff record agency posts.' : undefined}>
          <select {...register('source')}>
            {sources.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="External id (optional)" hint="The post's id on the channel; prevents duplicates." error={e.externalId?.message}>
          <input {...register('externalId')} />
        </Field>
        <Field label="Author (optional)" error={e.author?.message}>
          <input {...register('author')} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="button--primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Recording…' : 'Record post'}
        </button>
      </div>
    </form>
  );
}
