import type { Browser, Page } from 'playwright-core';
import { ApiClient, userWithRole } from './support/api';
import { launchBrowser, newPage, signIn } from './support/browser';
import { seedPlan, type Seeded } from './support/seed';
import { startServer, type Server } from './support/server';

// The daily workflows made forgiving (issue 17): conflicts resolve, a double click moves one step,
// a refusal takes the focus where it shows, forms work by keyboard, removals ask first.

let server: Server;
let browser: Browser;
let seeded: Seeded;

beforeAll(async () => {
  server = await startServer();
  seeded = await seedPlan(server.baseUrl, 'Workflow plan');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function asLead(path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors, close: () => context.close() };
}

/** What has the focus: its tag, role, accessible text and a few attributes. */
type Focused = { tag: string; role: string; text: string; invalid: string | null };
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    return {
      tag: el ? el.tagName.toLowerCase() : '',
      role: (el && el.getAttribute('role')) || '',
      text: ((el && (el.getAttribute('aria-label') || el.textContent)) || '').trim(),
      invalid: el ? el.getAttribute('aria-invalid') : null,
    };
  })()`);

test('When a lead keeps their edits after someone else saved, then the dialog says who changed what, and the next Save keeps both changes', async () => {
  const m = await seeded.admin.createMilestone(seeded.plan.id, { title: 'Draft the crisis playbook', phase: 'outward_presence', dueDate: '2026-12-07' });
  const { page, errors, close } = await asLead('/milestones');
  await page.getByRole('button', { name: 'Edit Draft the crisis playbook' }).click();
  const form = page.getByRole('form', { name: 'Edit milestone' });
  await form.getByLabel('Owner (optional)').fill('Kim');
  await form.getByLabel('Weight (1–10)').fill('4');

  // Meanwhile another lead renames it and changes its weight.
  const other = await userWithRole(seeded.admin, seeded.plan.id, 'lead');
  await (await ApiClient.signIn(server.baseUrl, other.email, other.password)).patchMilestone(seeded.plan.id, m.id, { title: 'Write the crisis playbook', weight: 6 });
  await form.getByRole('button', { name: 'Save changes' }).click();

  const dialog = page.getByRole('dialog', { name: 'Changed by someone else' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-who')).toContainText(`${other.user.name} saved this milestone on`);
  expect(await dialog.textContent()).not.toMatch(/version \d/i);
  await expect(dialog.getByRole('row', { name: /^Title/ })).toContainText('Write the crisis playbook');
  await expect(dialog.getByRole('row', { name: /^Owner/ })).toContainText('Kim');
  await expect(dialog.getByRole('row', { name: /^Weight/ })).toContainText('changed by both: yours is kept');

  await dialog.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.getByLabel('Title')).toHaveValue('Write the crisis playbook');
  await expect(form.getByLabel('Owner (optional)')).toHaveValue('Kim');
  await expect(form.getByLabel('Weight (1–10)')).toHaveValue('4');
  // Focus is back on the control that opened the dialog.
  expect((await focused(page)).text).toBe('Save changes');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Write the crisis playbook”' })).toBeVisible();
  const saved = await seeded.admin.getMilestone(seeded.plan.id, m.id);
  expect(saved).toMatchObject({ title: 'Write the crisis playbook', owner: 'Kim', weight: 4, version: m.version + 2 });
  expect(errors).toEqual([]);
  await close();
});

test('When a move button is double-clicked, then the handover moves one step', async () => {
  const h = await seeded.admin.call<{ id: string }>('POST', `/plans/${seeded.plan.id}/handovers`, { title: 'Answer Facebook messages' });
  const { page, errors, close } = await asLead('/handovers');
  const card = page.getByTestId('handover').filter({ hasText: 'Answer Facebook messages' });
  await card.getByRole('button', { name: /^Move to shadowing/ }).dblclick();
  await expect(card.getByRole('status')).toContainText('is now at “Shadowing”');
  // The next step's button is in place and enabled, but the second click of the double click did not use it.
  await expect(card.getByRole('button', { name: /^Move to reverse shadowing/ })).toBeVisible();
  await page.waitForTimeout(500);
  const after = await seeded.admin.call<{ status: string; history: unknown[] }>('GET', `/plans/${seeded.plan.id}/handovers/${h.id}`);
  expect(after.status).toBe('shadowing');
  expect(after.history).toHaveLength(1);
  expect(errors).toEqual([]);
  await close();
});

test('When Done is refused, then the reason shows beside the control and takes the focus, in the list and in the form', async () => {
  const dep = await seeded.admin.createMilestone(seeded.plan.id, { title: 'Sign the new contract', phase: 'agency_exit', dueDate: '2026-12-14' });
  await seeded.admin.createMilestone(seeded.plan.id, { title: 'Switch off agency logins', phase: 'agency_exit', dueDate: '2026-12-21', dependsOn: [dep.id] });
  const { page, close } = await asLead('/milestones?phase=agency_exit');
  const row = page.getByRole('row', { name: /^Switch off agency logins/ });
  await row.getByLabel('Status of Switch off agency logins').selectOption('done');
  await expect(row.getByRole('alert')).toContainText('Cannot be done until “Sign the new contract” is done.');
  expect(await focused(page)).toMatchObject({ role: 'alert', text: 'Cannot be done until “Sign the new contract” is done.' });
  // The message is in view, next to the select, not at the top of the page.
  const [alertBox, selectBox] = await Promise.all([row.getByRole('alert').boundingBox(), row.getByLabel('Status of Switch off agency logins').boundingBox()]);
  expect(Math.abs(alertBox!.y - selectBox!.y)).toBeLessThan(120);

  await row.getByRole('button', { name: 'Edit Switch off agency logins' }).click();
  const form = page.getByRole('form', { name: 'Edit milestone' });
  await form.getByLabel('Status').selectOption('done');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Cannot be done until “Sign the new contract” is done.')).toBeVisible();
  expect(await focused(page)).toMatchObject({ tag: 'select', invalid: 'true' });
  await close();
});

test('When a lead creates a milestone with the keyboard only, then it takes few tab stops and focus lands on the notice naming it', async () => {
  const { page, errors, close } = await asLead('/milestones');
  // From the page title (where navigation leaves the focus), Tab passes the List / Timeline switch
  // and reaches "New milestone" on the third stop.
  await page.getByRole('heading', { level: 1, name: 'Milestones' }).focus();
  for (const stop of ['List', 'Timeline', 'New milestone']) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(stop);
  }
  await page.keyboard.press('Enter');
  await page.getByRole('form', { name: 'New milestone' }).waitFor();
  expect((await focused(page)).tag).toBe('input');
  await page.keyboard.type('Brief the new community team');

  // Every stop from the title to the submit button: the dependency list counts once, whatever its length.
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f.text);
    if (f.text === 'Create milestone') break;
  }
  expect(stops.at(-1)).toBe('Create milestone');
  expect(stops.length).toBeLessThan(16);

  const form = page.getByRole('form', { name: 'New milestone' });
  await form.getByLabel('Due date').focus();
  await page.keyboard.type('12152026');
  const first = form.getByRole('checkbox').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  expect(await form.getByRole('checkbox').nth(1).isChecked()).toBe(true);
  await form.getByRole('button', { name: 'Create milestone' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Created “Brief the new community team”.' })).toBeVisible();
  expect(await focused(page)).toMatchObject({ role: 'status', text: 'Created “Brief the new community team”.' });
  const list = await seeded.admin.call<{ items: { title: string; dueDate: string; dependsOn: string[] }[] }>('GET', `/plans/${seeded.plan.id}/milestones?limit=200`);
  expect(list.items.find((m) => m.title === 'Brief the new community team')).toMatchObject({ dueDate: '2026-12-15', dependsOn: [expect.any(String)] });
  expect(errors).toEqual([]);
  await close();
});

test('When a lead removes a member, then it asks first; Cancel keeps them, Remove removes them', async () => {
  const extra = await seeded.admin.createUser(`leaving-${Date.now()}@e2e.test`, 'Leo Leaving', 'leaving-password-1');
  await seeded.admin.addMember(seeded.plan.id, extra.id, 'executive');
  const { page, errors, close } = await asLead('/members');
  const remove = page.getByRole('button', { name: 'Remove Leo Leaving' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Remove Leo Leaving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await focused(page)).text).toBe('Remove Leo Leaving');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  let members = await seeded.admin.call<{ items: { userId: string }[] }>('GET', `/plans/${seeded.plan.id}/members`);
  expect(members.items.some((m) => m.userId === extra.id)).toBe(true);

  await remove.click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Leo Leaving was removed from the plan.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Leo Leaving/ })).toHaveCount(0);
  members = await seeded.admin.call<{ items: { userId: string }[] }>('GET', `/plans/${seeded.plan.id}/members`);
  expect(members.items.some((m) => m.userId === extra.id)).toBe(false);
  expect(errors).toEqual([]);
  await close();
});

test('When a keyboard user moves between pages, then focus starts at the new page title and each chart is one named stop', async () => {
  const { page, close } = await asLead('');
  await page.getByRole('navigation', { name: `Plan ${seeded.plan.name}` }).getByRole('link', { name: 'Milestones' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Milestones' }).waitFor();
  await expect(page.locator('h1')).toBeVisible();
  expect((await focused(page)).tag).toBe('h1');
  // One Shift+Tab goes back to the navigation (a lead's last entry).
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).text).toBe('Webhooks');

  await page.getByRole('navigation', { name: `Plan ${seeded.plan.name}` }).getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('chart-posts').scrollIntoViewIfNeeded();
  await page.getByTestId('chart-posts').locator('.recharts-surface').waitFor();
  const charts = (await page.evaluate(`[...document.querySelectorAll('.chart-frame')].map((frame) => ({
    role: frame.getAttribute('role'),
    name: frame.getAttribute('aria-label') || '',
    tabIndex: frame.tabIndex,
    innerStops: [...frame.querySelectorAll('*')].filter((el) => el.tabIndex >= 0).length,
  }))`)) as { role: string; name: string; tabIndex: number; innerStops: number }[];
  expect(charts.length).toBeGreaterThanOrEqual(5);
  for (const chart of charts) expect(chart).toMatchObject({ role: 'img', tabIndex: 0, innerStops: 0, name: expect.stringMatching(/\w{8,}/) });
  await close();
});
