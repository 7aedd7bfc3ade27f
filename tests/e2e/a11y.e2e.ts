import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { newPage, signIn } from './support/browser';
import type { Seeded } from './support/seed';
import { setupSeededServer } from './support/seeded-server';
import { ADMIN } from './support/server';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const report: string[] = [];
const { server, seeded, browser } = setupSeededServer({
  planName: 'Accessible plan',
  beforeStop: () => {
    if (report.length) console.log(`axe (${TAGS.join(', ')}):\n${report.join('\n')}`);
  },
});

/** Scans the page as it is; fails on any serious or critical violation, listing each with its nodes. */
async function scan(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  report.push(
    `  ${label.padEnd(44)} ${results.passes.length} rules passed, ${blocking.length} serious/critical, ${minor.length} minor/moderate${
      minor.length ? ` (${minor.map((v) => v.id).join(', ')})` : ''
    }`,
  );
  const details = blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(details).toEqual([]);
}

// The Exit page's visits need a checklist at several steps and a knowledge-transfer session.
beforeAll(async () => {
  const p = `/plans/${seeded.plan.id}`;
  const people = (await seeded.admin.call<{ items: { id: string }[] }>('GET', `${p}/people`)).items;
  const handovers = (await seeded.admin.call<{ items: { id: string }[] }>('GET', `${p}/handovers`)).items;
  for (const [i, [kind, name]] of [
    ['social_account', 'Instagram @axe'],
    ['ad_account', 'Meta ad account'],
    ['admin_role', 'Business Suite admin'],
  ].entries()) {
    const item = await seeded.admin.call<{ id: string }>('POST', `${p}/exit-items`, { kind, name, owner: people[i]!.id, dueDate: '2026-01-05', evidence: 'Shown in the call.' });
    for (const to of ['access_shared', 'ownership_transferred', 'agency_removed', 'verified'].slice(0, i * 2)) await seeded.admin.call('POST', `${p}/exit-items/${item.id}/transitions`, { to });
  }
  await seeded.admin.call('POST', `${p}/kt-sessions`, {
    date: '2026-03-02',
    topic: 'Replying to comments',
    method: 'shadowing',
    givenBy: 'Sam at the agency',
    attendees: [people[0]!.id],
    handoverIds: [handovers[0]!.id],
    materialsUrl: 'https://docs.example.com/kt/replies',
  });
});

type Visit = { name: string; as: 'admin' | 'lead' | 'executive' | 'agency'; path: (s: Seeded) => string; ready: string; act?: (page: Page) => Promise<void> };

const VISITS: Visit[] = [
  { name: 'plans', as: 'admin', path: () => '/', ready: 'Your plans' },
  { name: 'admin: users', as: 'admin', path: () => '/admin/users', ready: 'Users' },
  { name: 'admin: new plan', as: 'admin', path: () => '/admin/plans', ready: 'Create a plan' },
  { name: 'overview (executive)', as: 'executive', path: (s) => `/plans/${s.plan.id}`, ready: 'Can the agency go, and when?' },
  { name: 'overview on a past day (Back to today)', as: 'executive', path: (s) => `/plans/${s.plan.id}?asOf=${s.plan.startDate}`, ready: 'Can the agency go, and when?' },
  {
    name: 'overview with tables open',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}`,
    ready: 'Can the agency go, and when?',
    act: async (page) => {
      // Charts draw as they come into view: the last one is scrolled to.
      await page.getByTestId('chart-adoption').scrollIntoViewIfNeeded();
      await page.getByTestId('chart-adoption').locator('.recharts-surface').waitFor();
      for (const summary of await page.getByText('Show table').all()) await summary.click();
    },
  },
  {
    name: 'milestones (lead, form open)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/milestones`,
    ready: 'Milestones',
    act: async (page) => {
      await page.getByRole('button', { name: 'New milestone' }).click();
      await page.getByRole('button', { name: 'Create milestone' }).click();
      await page.getByText('must not be empty').first().waitFor();
    },
  },
  {
    name: 'status (lead, snapshots, report open)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/status`,
    ready: 'Status',
    act: async (page) => {
      // The print dialog is the browser's: stubbed, the report stays on screen to be scanned.
      await page.evaluate(() => {
        (globalThis as unknown as { print: () => void }).print = () => undefined;
      });
      for (const note of ['Axe first', 'Axe second']) {
        await page.getByLabel('RAG status').selectOption('amber');
        await page.getByLabel('Status note').fill(note);
        await page.getByRole('button', { name: 'Take a snapshot' }).click();
        await page.getByRole('status').filter({ hasText: 'Snapshot taken' }).waitFor();
      }
      await page.getByTestId('compare').getByText(/^Readiness /).waitFor();
      await page.getByRole('button', { name: 'Print weekly report' }).click();
      await page.getByTestId('weekly-report').getByRole('heading', { name: 'Gates changed' }).waitFor();
    },
  },
  {
    name: 'status (lead, edit dialog open)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/status`,
    ready: 'Status',
    act: async (page) => {
      await page.getByRole('button', { name: /^Edit the status of / }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'status (executive)', as: 'executive', path: (s) => `/plans/${s.plan.id}/status`, ready: 'Status' },
  {
    name: 'overview with snapshots (lead)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}`,
    ready: 'Can the agency go, and when?',
    act: async (page) => {
      await page.getByTestId('what-changed').waitFor();
      // Only manual snapshots here: the week-by-week cards say no week is recorded yet.
      await page.getByTestId('chart-slip').scrollIntoViewIfNeeded();
    },
  },
  { name: 'milestones (executive)', as: 'executive', path: (s) => `/plans/${s.plan.id}/milestones`, ready: 'Milestones' },
  { name: 'skills and people (lead)', as: 'lead', path: (s) => `/plans/${s.plan.id}/skills`, ready: 'Skills and people' },
  { name: 'handovers (lead)', as: 'lead', path: (s) => `/plans/${s.plan.id}/handovers`, ready: 'Handovers' },
  {
    name: 'handovers (agency, form and history open)',
    as: 'agency',
    path: (s) => `/plans/${s.plan.id}/handovers`,
    ready: 'Handovers',
    act: async (page) => {
      await page.getByRole('button', { name: 'New handover' }).click();
      await page.getByText(/^History/).first().click();
    },
  },
  { name: 'posts (lead)', as: 'lead', path: (s) => `/plans/${s.plan.id}/posts`, ready: 'Posts' },
  {
    name: 'posts (agency, CSV errors shown)',
    as: 'agency',
    path: (s) => `/plans/${s.plan.id}/posts`,
    ready: 'Posts',
    act: async (page) => {
      await page.getByLabel('CSV file').setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('channel,published_at,source,external_id,author\ninstagram,yesterday,agency,x,\n'),
      });
      await page.getByTestId('import-errors').waitFor();
    },
  },
  {
    name: 'import posts (lead, preview with unknown authors)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/import`,
    ready: 'Import posts',
    act: async (page) => {
      await page.getByLabel('Export file').setInputFiles(path.join(__dirname, '../fixtures/ingest/meta-facebook.csv'));
      await page.getByTestId('import-preview').waitFor();
    },
  },
  { name: 'import posts (agency)', as: 'agency', path: (s) => `/plans/${s.plan.id}/import`, ready: 'Import posts' },
  {
    name: 'roster (lead, form refused)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/roster`,
    ready: 'Roster',
    act: async (page) => {
      await page.getByRole('button', { name: 'Add an entry' }).click();
      await page.getByRole('button', { name: 'Add entry' }).click();
      await page.getByText('must not be empty').first().waitFor();
    },
  },
  { name: 'roster (executive)', as: 'executive', path: (s) => `/plans/${s.plan.id}/roster`, ready: 'Roster' },
  { name: 'activity (lead)', as: 'lead', path: (s) => `/plans/${s.plan.id}/activity`, ready: 'Activity' },
  { name: 'members (lead)', as: 'lead', path: (s) => `/plans/${s.plan.id}/members`, ready: 'Members' },
  {
    name: 'members (lead, removal asks first)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/members`,
    ready: 'Members',
    act: async (page) => {
      await page.getByRole('button', { name: /^Remove / }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'posts (lead, refused and warned)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/posts`,
    ready: 'Posts',
    act: async (page) => {
      await page.getByLabel('Published at').fill('2099-01-01T10:00:00');
      await page.getByRole('button', { name: 'Record post' }).click();
      await page.getByText('That is in the future').waitFor();
    },
  },
  { name: 'members (admin)', as: 'admin', path: (s) => `/plans/${s.plan.id}/members`, ready: 'Members' },
  {
    name: 'admin: users (deactivation asks first)',
    as: 'admin',
    path: () => '/admin/users',
    ready: 'Users',
    act: async (page) => {
      await page.getByRole('button', { name: /^Deactivate / }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'members (lead, access end dialog)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/members`,
    ready: 'Members',
    act: async (page) => {
      await page.getByRole('button', { name: /^Change access end of / }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'my API tokens (executive)', as: 'executive', path: () => '/settings/tokens', ready: 'My API tokens' },
  {
    name: 'my API tokens (lead, new token shown, errors)',
    as: 'lead',
    path: () => '/settings/tokens',
    ready: 'My API tokens',
    act: async (page) => {
      const form = page.getByRole('form', { name: 'Create an API token' });
      await form.getByLabel('Name').fill('Axe token');
      await form.getByRole('button', { name: 'Create token' }).click();
      await page.getByRole('region', { name: /Your new token/ }).waitFor();
      await form.getByLabel('Expires after (days)').fill('0');
      await form.getByRole('button', { name: 'Create token' }).click();
      await form.getByText('must be at least 1').waitFor();
    },
  },
  {
    name: 'receivers (lead, new secret shown, revoke dialog)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/settings/ingest`,
    ready: 'Receivers',
    act: async (page) => {
      const form = page.getByRole('form', { name: 'Create an ingest secret' });
      await form.getByLabel('Name (optional)').fill('Axe receiver');
      await form.getByRole('button', { name: 'Create secret' }).click();
      await page.getByRole('region', { name: /Your new Postiz receiver/ }).waitFor();
      await page.getByRole('button', { name: /^Revoke Axe receiver/ }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'milestones timeline (lead, take baseline dialog)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/milestones?view=timeline`,
    ready: 'Milestones',
    act: async (page) => {
      await page.locator('svg.ms-timeline').waitFor();
      await page.getByText('Show the timeline as a table').click();
      await page.getByRole('button', { name: 'Take baseline' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'milestones timeline (executive, table open, a bar focused)',
    as: 'executive',
    path: (s) => `/plans/${s.plan.id}/milestones?view=timeline`,
    ready: 'Milestones',
    act: async (page) => {
      await page.getByText('Show the timeline as a table').click();
      await page.getByRole('img', { name: /^Launch the staff chat/ }).focus();
    },
  },
  {
    name: 'webhooks (lead, secret shown, delivery log open)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/settings/webhooks`,
    ready: 'Webhooks',
    act: async (page) => {
      const form = page.getByRole('form', { name: 'Add a webhook' });
      await form.getByLabel('URL').fill('https://hooks.example.com/axe');
      await form.getByRole('button', { name: 'Add webhook' }).click();
      await form.getByText('must name at least one event').waitFor();
      await form.getByRole('checkbox', { name: /A handover is accepted/ }).check();
      await form.getByRole('button', { name: 'Add webhook' }).click();
      await page.getByRole('region', { name: /signing secret/ }).waitFor();
      await page.getByRole('button', { name: /^Show delivery log of / }).first().click();
      await page.getByText('Nothing delivered yet').first().waitFor();
    },
  },
  {
    name: 'exit (lead, item and session forms open)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/exit`,
    ready: 'Agency exit',
    act: async (page) => {
      await page.getByTestId('exit-summary').waitFor();
      await page.getByRole('button', { name: 'Edit Meta ad account' }).click();
      await page.getByRole('button', { name: 'Record a session' }).click();
      await page.getByRole('form', { name: 'Record a knowledge-transfer session' }).waitFor();
    },
  },
  {
    name: 'exit (lead, exit dialog refused)',
    as: 'lead',
    path: (s) => `/plans/${s.plan.id}/exit`,
    ready: 'Agency exit',
    act: async (page) => {
      await page.getByRole('button', { name: 'End the agency arrangement…' }).click();
      const dialog = page.getByRole('dialog', { name: 'End the agency arrangement?' });
      await dialog.getByRole('button', { name: 'End it with gates open' }).click();
      await dialog.getByText('Give the reason').waitFor();
    },
  },
  {
    name: 'exit (agency, credential refused, history open)',
    as: 'agency',
    path: (s) => `/plans/${s.plan.id}/exit`,
    ready: 'Agency exit',
    act: async (page) => {
      await page.getByText(/^History/).first().click();
      await page.getByRole('button', { name: 'Add an item' }).click();
      const form = page.getByRole('form', { name: 'Add an item to the checklist' });
      await form.getByLabel('Name').fill('Pinterest @axe');
      await form.getByLabel('Evidence note (optional)').fill('password: hunter2hunter2');
      await form.getByRole('button', { name: 'Add item' }).click();
      await form.getByText('looks like a password').waitFor();
    },
  },
  { name: 'exit (executive)', as: 'executive', path: (s) => `/plans/${s.plan.id}/exit`, ready: 'Agency exit', act: (page) => page.getByTestId('kt-session').first().waitFor() },
  { name: 'not found', as: 'lead', path: () => '/no/such/page', ready: 'Page not found' },
];

const credentials = (as: Visit['as']) => (as === 'admin' ? ADMIN : seeded[as]);

describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
  test('When the sign-in page is scanned, then axe finds no serious or critical violation', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, { colorScheme });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('must not be empty').first().waitFor();
    await scan(page, `sign-in with errors (${colorScheme})`);
    await context.close();
  });

  test.each(VISITS)('When $name is scanned, then axe finds no serious or critical violation', async (visit) => {
    const { context, page } = await newPage(browser, server.baseUrl, { colorScheme });
    const who = credentials(visit.as);
    await signIn(page, who.email, who.password);
    await page.goto(visit.path(seeded));
    await page.getByRole('heading', { level: 1, name: visit.ready }).waitFor();
    await page.locator('.spinner').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    await visit.act?.(page);
    await scan(page, `${visit.name} (${colorScheme})`);
    await context.close();
  });
});

test('When the milestone conflict dialog is open, then axe finds no serious or critical violation', async () => {
  const m = await seeded.admin.createMilestone(seeded.plan.id, { title: 'Conflict target', phase: 'agency_exit', dueDate: '2026-12-01' });
  const { context, page } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}/milestones`);
  await page.getByRole('button', { name: 'Edit Conflict target' }).click();
  await seeded.admin.patchMilestone(seeded.plan.id, m.id, { weight: 7 });
  await page.getByLabel('Owner (optional)').fill('Kim');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('dialog', { name: 'Changed by someone else' }).waitFor();
  await scan(page, 'milestone conflict dialog');
  await context.close();
});

test('When a keyboard user tabs from the top of the overview, then focus is visible and reaches the navigation', async () => {
  const { context, page } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const info = (await page.evaluate(`(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: (el.textContent || el.getAttribute('aria-label') || '').trim(), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    })()`)) as { text: string; outline: boolean };
    expect(info.outline).toBe(true);
    seen.push(info.text);
  }
  expect(seen).toEqual(expect.arrayContaining(['Milestones', 'Handovers', 'Sign out']));
  await context.close();
});
