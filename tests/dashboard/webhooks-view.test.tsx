import type { Webhook, WebhookDelivery } from '@handover/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { WebhooksView } from '../../dashboard/src/features/webhooks/components/webhooks-view';
import { mockFetch, problem } from './support/fetch';
import { PLAN } from './support/fixtures';
import { renderWithQuery } from './support/render';

// docs/domain.md#webhooks: leads add a webhook (its secret shown once), edit it with If-Match,
// rotate its secret, delete it, and read its delivery log, redelivering failed deliveries.
const ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const SECRET = `whsec_${'A'.repeat(43)}=`;
const aWebhook = (over: Partial<Webhook> = {}): Webhook => ({
  id: ID,
  planId: PLAN,
  url: 'https://hooks.example.com/handover',
  events: ['milestone.completed'],
  format: 'standard',
  active: true,
  previousSecretUntil: null,
  version: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});
const aDelivery = (id: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id,
  webhookId: ID,
  messageId: `msg_${id}`,
  eventType: 'milestone.completed',
  state: 'failed',
  attempts: [
    { at: '2026-03-02T08:00:00.000Z', status: null, ok: false, error: 'connection refused', durationMs: 12, responseSnippet: '' },
    { at: '2026-03-02T08:00:10.000Z', status: 500, ok: false, error: null, durationMs: 40, responseSnippet: 'oops' },
  ],
  nextAttemptAt: null,
  createdAt: '2026-03-02T08:00:00.000Z',
  ...over,
});
const page = <T,>(items: T[], total = items.length, offset = 0) => ({ status: 200, body: { items, total, limit: 20, offset } });
const base = `/plans/${PLAN}/webhooks`;

async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('WebhooksView', () => {
  it('When a webhook is added with the keyboard, then the events are required, the secret is shown once and the body is what was chosen', async () => {
    const created = aWebhook({ events: ['milestone.completed', 'gate.changed'], format: 'slack', url: 'https://hooks.slack.com/services/T/B/x' });
    const { calls } = mockFetch({
      [`GET ${base}`]: [page([]), page([{ ...created, url: 'https://hooks.slack.com/services/T/B/…' }])],
      [`POST ${base}`]: { status: 201, body: { ...created, secret: SECRET } },
    });
    const { container } = renderWithQuery(<WebhooksView planId={PLAN} />);
    const u = userEvent.setup();
    await screen.findByText('No webhooks yet');
    const form = screen.getByRole('form', { name: 'Add a webhook' });
    await u.type(within(form).getByLabelText('URL'), 'https://hooks.slack.com/services/T/B/x');
    await u.click(within(form).getByRole('button', { name: 'Add webhook' }));
    expect(await within(form).findByText('must name at least one event')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await u.click(within(form).getByRole('checkbox', { name: /A milestone is completed/ }));
    await u.click(within(form).getByRole('checkbox', { name: /An exit gate opens or closes/ }));
    await u.selectOptions(within(form).getByLabelText('Format'), 'slack');
    await u.click(within(form).getByRole('button', { name: 'Add webhook' }));
    const panel = await screen.findByRole('region', { name: 'The webhook’s signing secret' });
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading')));
    expect((within(panel).getByRole('textbox') as HTMLInputElement).value).toBe(SECRET);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ url: 'https://hooks.slack.com/services/T/B/x', events: ['milestone.completed', 'gate.changed'], format: 'slack', active: true });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'https://hooks.slack.com/services/T/B/…' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    await u.click(within(panel).getByRole('button', { name: 'Done, hide it' }));
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('When a webhook is edited, then only the changes are sent with If-Match; a 412 says someone else changed it', async () => {
    const hook = aWebhook({ version: 3 });
    const { calls } = mockFetch({
      [`GET ${base}`]: page([hook]),
      [`PATCH ${base}/${ID}`]: [problem(412, 'precondition-failed'), { status: 200, body: { ...hook, active: false, version: 4 } }],
    });
    renderWithQuery(<WebhooksView planId={PLAN} />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Edit the webhook to https://hooks.example.com/handover' }));
    const form = screen.getByRole('form', { name: 'Edit the webhook' });
    await u.click(within(form).getByRole('checkbox', { name: /Active/ }));
    await u.click(within(form).getByRole('checkbox', { name: /A handover is accepted/ }));
    await u.click(within(form).getByRole('button', { name: 'Save webhook' }));
    expect(await within(form).findByText(/Someone changed this webhook meanwhile/)).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers['If-Match']).toBe('"3"');
    expect(patch.body).toEqual({ events: ['milestone.completed', 'handover.accepted'], active: false });
    await u.click(within(form).getByRole('button', { name: 'Save webhook' }));
    const status = await screen.findByText('Saved the webhook to https://hooks.example.com/handover.');
    await waitFor(() => expect(document.activeElement).toBe(status));
  });

  it('When a secret is rotated and the webhook deleted, then the new secret is shown and the delete asks first and sends If-Match', async () => {
    const hook = aWebhook({ version: 2 });
    const { calls } = mockFetch({
      [`GET ${base}`]: [page([hook]), page([hook]), page([])],
      [`POST ${base}/${ID}/secret`]: { status: 200, body: { ...hook, version: 3, previousSecretUntil: '2026-03-03T10:00:00.000Z', secret: SECRET } },
      [`DELETE ${base}/${ID}`]: { status: 204 },
    });
    renderWithQuery(<WebhooksView planId={PLAN} />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Rotate secret of the webhook to https://hooks.example.com/handover' }));
    const panel = await screen.findByRole('region', { name: 'The new signing secret' });
    expect(panel.textContent).toContain('previous secret also signs for 24 hours');
    expect(calls.find((c) => c.method === 'POST')!.headers['If-Match']).toBe('"2"');
    await u.click(screen.getByRole('button', { name: 'Delete the webhook to https://hooks.example.com/handover' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the webhook to https://hooks.example.com/handover?' });
    expect(dialog.textContent).toContain('delivery log goes with it');
    await u.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted the webhook to https://hooks.example.com/handover.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([`/api/v1${base}/${ID}`]);
    await screen.findByText('No webhooks yet');
  });

  it('When the delivery log is opened, then each attempt shows its status code or error, pages move, and a failed delivery is redelivered', async () => {
    const failed = aDelivery('dddddddd-dddd-4ddd-8ddd-dddddddddddd');
    const done = aDelivery('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', {
      state: 'delivered',
      eventType: 'handover.accepted',
      attempts: [{ at: '2026-03-01T08:00:00.000Z', status: 204, ok: true, error: null, durationMs: 30, responseSnippet: '' }],
    });
    const older = aDelivery('ffffffff-ffff-4fff-8fff-ffffffffffff', { state: 'pending', attempts: [], nextAttemptAt: '2026-03-04T08:00:00.000Z' });
    const { calls } = mockFetch({
      [`GET ${base}`]: page([aWebhook()]),
      [`GET ${base}/${ID}/deliveries`]: (call) =>
        call.url.includes('offset=20') ? page([older], 21, 20) : page([failed, done], 21),
      [`POST ${base}/${ID}/deliveries/${failed.id}/redeliver`]: { status: 202, body: { ...failed, state: 'pending' } },
    });
    const { container } = renderWithQuery(<WebhooksView planId={PLAN} />);
    const u = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Show delivery log of the webhook to https://hooks.example.com/handover' });
    await u.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const failedRow = await screen.findByRole('row', { name: /milestone\.completed/ });
    expect(failedRow.textContent).toMatch(/Failed/);
    expect(failedRow.textContent).toContain('no answer: connection refused');
    expect(failedRow.textContent).toContain('HTTP 500');
    const doneRow = screen.getByRole('row', { name: /handover\.accepted/ });
    expect(doneRow.textContent).toContain('HTTP 204');
    expect(within(doneRow).queryByRole('button', { name: /Redeliver/ })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);

    await u.click(within(failedRow).getByRole('button', { name: /Redeliver milestone\.completed/ }));
    expect(await screen.findByText('Queued milestone.completed to be sent again.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1${base}/${ID}/deliveries/${failed.id}/redeliver`]);

    await u.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Deliveries 21–21 of 21')).toBeTruthy();
    expect(screen.getByText(/Next try/)).toBeTruthy();
  });
});
