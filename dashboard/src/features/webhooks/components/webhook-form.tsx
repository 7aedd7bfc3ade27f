import { CreateWebhookSchema, UpdateWebhookSchema, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type Webhook } from '@handover/shared';
import { useForm } from 'react-hook-form';
import { Field } from '../../../components/ui/field';
import { GridForm } from '../../../components/ui/grid-form';
import { sharedResolver } from '../../../lib/form';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { emptyWebhookValues, toCreateWebhook, toUpdateWebhook, webhookToValues, type WebhookFormValues } from '../utils/webhooks';

/**
 * A webhook's URL, events, format and (when editing) whether it is active. `onSubmit` sends the
 * values and says what was done; the edit form sends only what changed (a Slack URL is listed
 * masked, so it is kept unless a new one is typed).
 */
export function WebhookForm({
  webhook,
  onSubmit,
  onCancel,
}: {
  webhook?: Webhook;
  onSubmit: (values: WebhookFormValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useForm<WebhookFormValues>({
    resolver: webhook ? sharedResolver(UpdateWebhookSchema, (v: WebhookFormValues) => toUpdateWebhook(v, webhook)) : sharedResolver(CreateWebhookSchema, toCreateWebhook),
    defaultValues: webhook ? webhookToValues(webhook) : emptyWebhookValues(),
  });
  const submission = useFormSubmit(form, { submit: onSubmit });
  const { register, formState } = form;
  const e = formState.errors;
  const maskedSlack = webhook?.format === 'slack';
  return (
    <GridForm
      label={webhook ? 'Edit the webhook' : 'Add a webhook'}
      submitLabel={webhook ? 'Save webhook' : 'Add webhook'}
      pendingLabel="Saving…"
      submission={submission}
      actions={
        onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null
      }
    >
      <Field
        label={maskedSlack ? 'New URL (optional)' : 'URL'}
        className="span-all"
        hint={maskedSlack ? `Now ${webhook.url}. Leave blank to keep it.` : 'An http(s) address that accepts a POST, e.g. a Slack incoming webhook.'}
        error={e.url?.message}
      >
        <input type="url" inputMode="url" autoComplete="off" {...register('url')} />
      </Field>
      <Field label="Format" hint="Standard Webhooks: signed JSON. Slack: a message for an incoming-webhook URL." error={e.format?.message}>
        <select {...register('format')}>
          <option value="standard">Standard (signed)</option>
          <option value="slack">Slack</option>
        </select>
      </Field>
      {webhook ? (
        <label className="field--inline">
          <input type="checkbox" {...register('active')} />
          Active (sends new events)
        </label>
      ) : null}
      <fieldset className="span-all">
        <legend>Events</legend>
        <div className="checklist">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="field--inline">
              <input type="checkbox" value={type} {...register('events')} />
              <span>
                {WEBHOOK_EVENT_LABELS[type]} <code className="muted small">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {e.events?.message ? <span className="field__error">{e.events.message}</span> : null}
      </fieldset>
    </GridForm>
  );
}
