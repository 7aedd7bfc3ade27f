import { buildDigestEmail, type DigestInput } from '../../../api/src/modules/notify/digest-email';
import { PLAN_ID, snapshot, summary, uuid } from './snapshot-fixtures';

const exitForecast = {
  projectedExitDate: '2026-09-07',
  onTrack: false,
  limitedBy: 'milestones_done' as const,
  components: { milestones_done: '2026-09-07', posts_share: '2026-05-18' },
  undatedGates: [],
};
const previous = snapshot({
  id: uuid(101),
  weekStart: '2026-02-16',
  summary: summary({ asOf: '2026-02-22', score: 0.58, share: 0.6, met: { internal_network: true }, exitForecast: { ...exitForecast, projectedExitDate: '2026-08-31' } }),
  items: {
    milestones: [{ id: uuid(1), title: 'Brief <staff>', status: 'in_progress', dueDate: '2026-02-27', weight: 1, completedAt: null }, { id: uuid(2), title: 'Launch', status: 'planned', dueDate: '2026-03-01', weight: 2, completedAt: null }],
    handovers: [{ id: uuid(20), title: 'Instagram', status: 'shadowing' }],
    exitItems: [{ id: uuid(30), name: 'Meta ad account', status: 'access_shared' }],
  },
});
const current = snapshot({
  id: uuid(102),
  weekStart: '2026-02-23',
  rag: 'amber',
  note: 'Crisis response <still> with the agency & us.\nHiring on track.',
  summary: summary({ asOf: '2026-03-01', score: 0.62, share: 0.72, met: { internal_network: true, handovers_accepted: true }, exitForecast }),
  items: {
    milestones: [{ id: uuid(1), title: 'Brief <staff>', status: 'done', dueDate: '2026-02-27', weight: 1, completedAt: '2026-02-26T10:00:00.000Z' }, { id: uuid(2), title: 'Launch', status: 'planned', dueDate: '2026-03-15', weight: 2, completedAt: null }],
    handovers: [{ id: uuid(20), title: 'Instagram', status: 'reverse_shadowing' }],
    exitItems: [{ id: uuid(30), name: 'Meta ad account', status: 'ownership_transferred' }],
  },
});
const input = (overrides: Partial<DigestInput> = {}): DigestInput => ({
  planId: PLAN_ID,
  planName: '<b>Acme & Co</b>',
  snapshot: current,
  previous,
  publicUrl: 'https://handover.example.com',
  includeNote: true,
  ...overrides,
});

test('When the digest is built, then the subject names the plan and the week', () => {
  expect(buildDigestEmail(input()).subject).toBe('<b>Acme & Co</b>: weekly status for the week of 2026-02-23');
  expect(buildDigestEmail(input({ planName: 'Acme\r\nBcc: x@example.com' })).subject).toBe('Acme Bcc: x@example.com: weekly status for the week of 2026-02-23');
});

test('When the digest is built, then the text says readiness and its change, gates, projected exit, what changed and links back', () => {
  const { text } = buildDigestEmail(input());
  expect(text).toContain('Week of 2026-02-23 to 2026-03-01.');
  expect(text).toContain('Readiness\n62% (up 4 points from 58%)\nMilestones 50%, skills 50%, posts 50%, handovers 50%');
  expect(text).toContain('Exit gates: 2 of 5 met\n- Internally networked: met\n- Critical skills covered: open\n- In-house share sustained: open\n- Every handover accepted: met\n- Every milestone done: open');
  expect(text).toContain('Projected exit\n2026-09-07 (was 2026-08-31), later than the target date\nLimited by: Every milestone done');
  expect(text).toContain(
    [
      'What changed since the week of 2026-02-16',
      '- Every handover accepted: now met',
      '- Completed: Brief <staff>',
      '- Moved later: Launch, due 2026-03-01 → 2026-03-15',
      '- Instagram: Shadowing → Reverse shadowing',
      '- Exit item Meta ad account: Access shared → Ownership transferred',
      '- In-house share of posts: 60% → 72%',
    ].join('\n'),
  );
  expect(text).toContain(`Open the dashboard: https://handover.example.com/plans/${PLAN_ID}`);
});

test('When the recipient is not agency staff, then the lead’s status and note are included', () => {
  const { text, html } = buildDigestEmail(input());
  expect(text).toContain('From the lead\nStatus: Amber\nCrisis response <still> with the agency & us.\nHiring on track.');
  expect(html).toContain('Crisis response &lt;still&gt; with the agency &amp; us.<br>Hiring on track.');
});

test('When the recipient is agency staff, then neither the status nor the note is sent', () => {
  const { text, html } = buildDigestEmail(input({ includeNote: false }));
  for (const part of [text, html]) {
    expect(part).not.toContain('From the lead');
    expect(part).not.toContain('Amber');
    expect(part).not.toMatch(/Crisis response|Hiring on track/);
  }
});

test('When the plan name holds markup, then the HTML shows it as text everywhere', () => {
  const { html } = buildDigestEmail(input());
  expect(html).not.toContain('<b>Acme');
  expect(html).toContain('<title>&lt;b&gt;Acme &amp; Co&lt;/b&gt;: weekly status</title>');
  expect(html).toContain('<h1 style="font-size:20px;margin:0 0 12px">&lt;b&gt;Acme &amp; Co&lt;/b&gt;: weekly status</h1>');
  expect(html).toContain('<li>Completed: Brief &lt;staff&gt;</li>');
  expect(html).toContain(`<a href="https://handover.example.com/plans/${PLAN_ID}" style="color:#1d4ed8">Open the dashboard</a>`);
  // The only tags are the template's own.
  const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
  expect([...tags].sort()).toEqual(['a', 'body', 'br', 'div', 'h1', 'h2', 'head', 'hr', 'html', 'li', 'meta', 'p', 'title', 'ul']);
});

test('When there is no previous snapshot, then the digest says so instead of listing changes', () => {
  const { text } = buildDigestEmail(input({ previous: null }));
  expect(text).toContain('Readiness\n62%\n');
  expect(text).toContain('What changed\nThis is the first snapshot; changes show from the next one.');
  expect(text).toContain('Projected exit\n2026-09-07, later than the target date');
});

test('When nothing changed, then the digest says so', () => {
  const { text } = buildDigestEmail(input({ previous: current }));
  expect(text).toContain('62% (unchanged from the week of 2026-02-23)');
  expect(text).toContain('What changed since the week of 2026-02-23\nNothing changed.');
});

test('When the summary has no exit forecast, then the share trend is given under its own name', () => {
  const old = snapshot({ summary: summary({ forecast: '2026-05-18' }) });
  expect(buildDigestEmail(input({ snapshot: old, previous: null })).text).toContain('Projected exit\nIn-house share reaches target: 2026-05-18');
});

test('When no date can be projected, then the digest names the gates without one', () => {
  const undated = snapshot({
    summary: summary({ exitForecast: { projectedExitDate: null, onTrack: null, limitedBy: null, components: {}, undatedGates: ['skills_covered', 'handovers_accepted'] } }),
  });
  expect(buildDigestEmail(input({ snapshot: undated, previous: null })).text).toContain(
    'Projected exit\nNo projected date yet\nNo date can be given for: Critical skills covered, Every handover accepted',
  );
});
