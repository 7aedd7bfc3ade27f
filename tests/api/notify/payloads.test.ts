import {
  CreateWebhookSchema,
  UpdateWebhookSchema,
  WEBHOOK_EVENT_TYPES,
  WebhookEnvelopeSchema,
  type WebhookEventData,
  type WebhookEventType,
} from '@handover/shared';
import {
  describeEvent,
  envelope,
  escapeSlack,
  listedUrl,
  maskWebhookUrl,
  requestBody,
  slackMessage,
} from '../../../api/src/modules/webhooks/payloads';

const plan = { id: '0190f0e1-0000-7000-8000-000000000001', name: 'Acme & <Co>' };
const id = (n: number) => `0190f0e1-0000-7000-8000-${String(n).padStart(12, '0')}`;
const at = new Date('2026-03-02T10:00:00.000Z');
const actor = { id: id(9), name: 'Lee Lead' };

/** One valid event of every type. */
const samples: { [T in WebhookEventType]: WebhookEventData<T> } = {
  'milestone.completed': { plan, milestone: { id: id(2), title: 'Launch <the> site', phase: 'outward_presence', dueDate: '2026-03-01', weight: 3, completedAt: at.toISOString() }, actor },
  'milestone.overdue': { plan, milestone: { id: id(2), title: 'Brief staff', phase: 'internal_network', dueDate: '2026-02-27', status: 'in_progress' } },
  'handover.transitioned': { plan, handover: { id: id(3), title: 'Instagram', channel: 'instagram' }, from: 'shadowing', to: 'reverse_shadowing', note: 'Went well', actor },
  'handover.accepted': { plan, handover: { id: id(3), title: 'Instagram', channel: null }, actor },
  'gate.changed': { plan, key: 'handovers_accepted', from: false, to: true, detail: '4 of 4 handovers accepted.' },
  'snapshot.created': { plan, snapshot: { id: id(4), kind: 'weekly', weekStart: '2026-02-23', takenAt: at.toISOString(), rag: 'amber', readiness: 0.624 } },
  'import.completed': { plan, import: { id: id(5), inserted: 120, duplicates: 3, valid: 123 }, actor },
  'exit.item_changed': { plan, item: { id: id(6), kind: 'social_account', name: 'LinkedIn page' }, from: 'listed', to: 'access_shared', note: null, actor: null },
  'plan.exited': { plan, exitedAt: at.toISOString(), unmetGates: ['skills_covered'], overrideReason: 'Contract ends' },
};
const event = <T extends WebhookEventType>(type: T) => envelope(type, at, samples[type]);

describe('events', () => {
  test('When every event type is built, then its envelope is {type, timestamp, data} and passes the shared schema', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const built = event(type);
      expect(built).toEqual({ type, timestamp: '2026-03-02T10:00:00.000Z', data: samples[type] });
      expect(WebhookEnvelopeSchema.parse(JSON.parse(requestBody('standard', built)))).toEqual(built);
      expect(describeEvent(built).headline.length).toBeGreaterThan(0);
    }
  });

  test('When an emitter passes data of the wrong shape, then building the envelope throws', () => {
    const bad = { ...samples['gate.changed'], key: 'not_a_gate' } as unknown as WebhookEventData<'gate.changed'>;
    expect(() => envelope('gate.changed', at, bad)).toThrow();
  });

  test('When events are described, then they read as plain sentences with the labels people see', () => {
    expect(describeEvent(event('handover.transitioned'))).toEqual({ headline: 'Handover moved: Instagram, Shadowing → Reverse shadowing', details: ['Went well'] });
    expect(describeEvent(event('gate.changed'))).toEqual({ headline: 'Exit gate met: Every handover accepted', details: ['4 of 4 handovers accepted.'] });
    expect(describeEvent(event('snapshot.created')).headline).toBe('Weekly status for the week of 2026-02-23: readiness 62%');
    expect(describeEvent(event('exit.item_changed')).headline).toBe('Exit item moved: LinkedIn page, Listed → Access shared');
    expect(describeEvent(event('plan.exited')).details).toEqual(['Ended with gates still open: Critical skills covered', 'Reason: Contract ends']);
  });
});

describe('slack', () => {
  test('When a message is built, then it has text and blocks with every piece of plan text escaped', () => {
    const message = slackMessage(event('milestone.completed'), { publicUrl: 'https://handover.example.com' });
    expect(message.text).toBe('Acme &amp; &lt;Co&gt;: Milestone completed: Launch &lt;the&gt; site');
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Acme &amp; &lt;Co&gt;*\nMilestone completed: Launch &lt;the&gt; site\nOutward presence, due 2026-03-01' },
    });
    expect(message.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `<https://handover.example.com/plans/${plan.id}/milestones|Open in Handover>` }],
    });
    expect(JSON.parse(requestBody('slack', event('milestone.completed'), { publicUrl: 'https://handover.example.com' }))).toEqual(message);
  });

  test('When plan text tries a mention or a link, then it arrives as literal text', () => {
    const sneaky = envelope('handover.accepted', at, { plan: { id: plan.id, name: '<!channel> <https://evil.test|click>' }, handover: { id: id(3), title: 'X', channel: null }, actor });
    const message = slackMessage(sneaky);
    expect(message.text).not.toMatch(/[<>]/);
    expect(JSON.stringify(message.blocks)).not.toMatch(/<!channel>|<https:/);
  });

  test('When there is no PUBLIC_URL, then there is no link; when it has a path, then the link keeps it', () => {
    expect(slackMessage(event('gate.changed')).blocks).toHaveLength(1);
    const withPath = slackMessage(event('gate.changed'), { publicUrl: 'https://example.com/handover/' });
    expect(withPath.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `<https://example.com/handover/plans/${plan.id}|Open in Handover>` }] });
  });

  test('When text has the three control characters, then only they are escaped', () => {
    expect(escapeSlack('a & b < c > d "e" *f*')).toBe('a &amp; b &lt; c &gt; d "e" *f*');
  });
});

describe('masking', () => {
  test('When a Slack URL is listed, then only the host and first path segment show', () => {
    expect(maskWebhookUrl('https://hooks.slack.com/services/T000/B000/XXXX')).toBe('https://hooks.slack.com/services/****');
    expect(maskWebhookUrl('https://chat.example.com:8443/hooks/abc?token=1#x')).toBe('https://chat.example.com:8443/hooks/****');
    expect(maskWebhookUrl('https://example.com')).toBe('https://example.com/****');
    expect(maskWebhookUrl('not a url')).toBe('****');
    expect(listedUrl('slack', 'https://hooks.slack.com/services/T000/B000/XXXX')).toBe('https://hooks.slack.com/services/****');
    expect(listedUrl('standard', 'https://example.com/hooks/1')).toBe('https://example.com/hooks/1');
  });
});

describe('webhook bodies', () => {
  test('When a webhook is created, then format and active default and the URL must be http(s) without credentials', () => {
    expect(CreateWebhookSchema.parse({ url: 'https://example.com/in', events: ['gate.changed'] })).toEqual({
      url: 'https://example.com/in',
      events: ['gate.changed'],
      format: 'standard',
      active: true,
    });
    const errors = (body: unknown) => CreateWebhookSchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(errors({ url: 'ftp://example.com', events: ['gate.changed'] })).toEqual(['url: must be an http(s) URL']);
    expect(errors({ url: 'https://u:p@example.com', events: ['gate.changed'] })).toEqual(['url: must not contain a user name or password']);
    expect(errors({ url: 'https://example.com', events: [] })).toEqual(['events: must name at least one event']);
    expect(errors({ url: 'https://example.com', events: ['gate.changed', 'gate.changed'] })).toEqual(['events: must not repeat an event']);
    expect(errors({ url: 'https://example.com', events: ['nope'] })?.[0]).toMatch(/^events\.0:/);
    expect(errors({ url: 'https://example.com', events: ['gate.changed'], secret: 'x' })?.[0]).toMatch(/secret/);
  });

  test('When a webhook is patched, then every field is optional and unknown fields are refused', () => {
    expect(UpdateWebhookSchema.parse({ active: false })).toEqual({ active: false });
    expect(UpdateWebhookSchema.safeParse({ version: 2 }).success).toBe(false);
  });
});
