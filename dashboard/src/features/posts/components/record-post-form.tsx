import { CreatePostSchema, PostSourceSchema, SOURCE_LABELS, type CreatePost, type PostSource } from '@handover/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useCreatePost } from '../../../api/posts/create-post';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { Options } from '../../../components/ui/options';
import { newIdempotencyKey } from '../../../lib/api-client';
import { withArticle } from '../../../lib/format';
import { blankToNull, sharedResolver } from '../../../lib/form';
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

export function RecordPostForm({ planId, agencyOnly, onRecorded }: { planId: string; agencyOnly: boolean; onRecorded: (text: string) => void }) {
  const create = useCreatePost(planId);
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<Values>({
    resolver: sharedResolver(CreatePostSchema, toCreatePost),
    defaultValues: { channel: '', publishedAt: '', source: agencyOnly ? 'agency' : 'in_house', externalId: '', author: '' },
  });
  const sources = agencyOnly ? (['agency'] as const) : PostSourceSchema.options;
  const submission = useFormSubmit(form, {
    submit: async (values) => {
      const post = await create.mutateAsync({ body: toCreatePost(values), key });
      setKey(newIdempotencyKey());
      form.reset({ ...values, externalId: '', publishedAt: '' });
      onRecorded(`Recorded ${withArticle(SOURCE_LABELS[post.source].toLowerCase())} post on ${post.channel}.`);
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <GridForm label="Record a post" submitLabel="Record post" pendingLabel="Recording…" submission={submission}>
      <Field label="Channel" hint="e.g. instagram, linkedin" error={e.channel?.message}>
        <input {...register('channel')} />
      </Field>
      <Field label="Published at" error={e.publishedAt?.message}>
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
