import { addDays, type ExitItem, type KtSession, type Plan } from '@handover/shared';
import type { Page } from 'playwright-core';
import { ApiClient } from './support/api';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

// The Exit page by keyboard, as a lead and as agency staff, and the exit itself
// (docs/domain.md#exit-page, docs/domain.md#ending-the-agency). The exit ends the agency's access,
// so it is the file's last test.

const { server, seeded, browser } = setupSeededServer({ planName: 'Exit plan' });
const today = new Date().toISOString().slice(0, 10);
type Named = { id: string; name?: string; title?: string };

let people: Named[] = [];
let handovers: Named[] = [];
const plan = () => `/plans/${seeded.plan.id}`;
const exitItems = async () => (await seeded.admin.call<{ items: ExitItem[] }>('GET', `${plan()}/exit-items`)).items;
const itemNamed = async (name: string) => (await exitItems()).find((i) => i.name === name);

beforeAll(async () => {
  const { admin } = seeded;
  const list = async (path: string) => (await admin.call<{ items: Named[] }>('GET', `${plan()}/${path}`)).items;
  people = await list('people');
  handovers = await list('handovers');
  const owner = (name: string) => people.find((p) => p.name === name)!.id;
  const ladder = ['access_shared', 'ownership_transferred', 'agency_removed', 'verified'];
  const seed = [
    { kind: 'social_account', name: 'Instagram @exit', channel: 'instagram', owner: owner('Ana Lopez'), dueDate: addDays(today, 10), steps: 1 },
    { kind: 'social_account', name: 'TikTok @exit', channel: 'tiktok', owner: owner('Ben Okoro'), dueDate: null, steps: 0 },
    { kind: 'admin_role', name: 'Meta Business Suite admin', channel: 'facebook', owner: owner('Chen Wei'), dueDate: addDays(today, -3), steps: 3 },
    { kind: 'brand_asset', name: 'Brand fonts', channel: null, owner: null, dueDate: null, steps: 4 },
  ];
  for (const { steps, ...body } of seed) {
    const item = await admin.call<ExitItem>('POST', `${plan()}/exit-items`, { ...body, evidence: 'Shown in the handover call.' });
    for (const to of ladder.slice(0, steps)) await admin.call('POST', `${plan()}/exit-items/${item.id}/transitions`, { to });
  }
});

/** The focused element's name as a person hears it: its label, else its text. */
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : null;
    return (el.getAttribute('aria-label') || label || el.textContent || '').replace(/\\s+/g, ' ').trim();
  })()`);

/** Presses Tab until the focus is on a control whose name matches: the control is reachable by keyboard. */
async function tabTo(page: Page, name: RegExp, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}; the focus is on “${await focusedName(page)}”`);
}

/** The page's way of writing a calendar date (as the dashboard's formatDate), in the browser's own Intl. */
const shown = (page: Page, date: string): Promise<string> =>
  page.evaluate(`new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('${date}T00:00:00Z'))`);

async function exitPage(who: { email: string; password: string }, options: { width?: number } = {}) {
  const { context, page, errors } = await newPage(browser, server.baseUrl, options);
  await signIn(page, who.email, who.password);
  await page.goto(`${plan()}/exit`);
  await page.getByRole('heading', { level: 1, name: 'Agency exit' }).waitFor();
  await page.getByTestId('exit-summary').waitFor();
  return { page, errors, close: () => context.close() };
}

const card = (page: Page, name: string) => page.getByTestId('exit-item').filter({ has: page.getByRole('heading', { name, exact: true }) });

test('When a lead works the Exit page by keyboard, then the checklist is grouped by kind with its owners; one item moves a step, one is verified and a KT session is recorded', async () => {
  const { page, errors, close } = await exitPage(seeded.lead);
  expect(await page.getByTestId('exit-group').locator('h3').allTextContents()).toEqual(['Social accounts (2)', 'Admin roles (1)', 'Brand assets (1)']);
  await expect(page.getByTestId('exit-summary')).toContainText('1 of 4 items verified; blocking: “Meta Business Suite admin”, “Instagram @exit” and “TikTok @exit”.');
  const meta = card(page, 'Meta Business Suite admin');
  await expect(meta).toContainText('Chen Wei');
  await expect(meta.getByTestId('exit-item-due')).toContainText('— overdue');
  await expect(card(page, 'Brand fonts')).toContainText('No owner yet');

  // One step up: the button pressed gives way to the next step's, so the focus lands on the outcome.
  await tabTo(page, /^Move to ownership transferred — Instagram @exit$/);
  await page.keyboard.press('Enter');
  const moved = '“Instagram @exit” is now at “Ownership transferred”.';
  await expect(card(page, 'Instagram @exit').getByRole('status')).toContainText(moved);
  expect(await focusedName(page)).toBe(moved);
  expect(await itemNamed('Instagram @exit')).toMatchObject({ status: 'ownership_transferred', history: [expect.anything(), expect.anything()] });

  // Verified, the item goes down its group; the focus follows it.
  await tabTo(page, /^Verify — Meta Business Suite admin$/);
  await page.keyboard.press('Enter');
  const verified = '“Meta Business Suite admin” is now at “Verified”.';
  await expect(meta.getByRole('status')).toContainText(verified);
  expect(await focusedName(page)).toBe(verified);
  await expect(page.getByTestId('exit-summary')).toContainText('2 of 4 items verified; blocking: “Instagram @exit” and “TikTok @exit”.');
  expect((await itemNamed('Meta Business Suite admin'))?.status).toBe('verified');

  // A knowledge-transfer session, recorded by keyboard, lands in the list with what it served.
  await tabTo(page, /^Record a session$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Topic/);
  await page.keyboard.type('Tone of replies');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sh');
  await expect(page.getByLabel('Method')).toHaveValue('shadowing');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sam at the agency');
  await tabTo(page, /^Ben Okoro$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Instagram replies$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Record session$/);
  await page.keyboard.press('Enter');
  const recorded = `Recorded the session “Tone of replies” of ${await shown(page, today)}.`;
  await expect(page.getByRole('status').filter({ hasText: recorded })).toBeVisible();
  expect(await focusedName(page)).toBe(recorded);
  const session = page.getByRole('list', { name: 'Knowledge-transfer sessions, newest first' }).getByTestId('kt-session').filter({ hasText: 'Tone of replies' });
  await expect(session).toContainText('Shadowing · given by Sam at the agency');
  await expect(session).toContainText('Attended by Ben Okoro');
  await expect(session).toContainText('Handovers: Instagram replies');
  const stored = (await seeded.admin.call<{ items: KtSession[] }>('GET', `${plan()}/kt-sessions`)).items;
  expect(stored).toEqual([
    expect.objectContaining({
      date: today,
      topic: 'Tone of replies',
      method: 'shadowing',
      attendees: [people.find((p) => p.name === 'Ben Okoro')!.id],
      handoverIds: [handovers.find((h) => h.title === 'Instagram replies')!.id],
    }),
  ]);
  expect(errors).toEqual([]);
  await close();
});

test('When agency staff add an item whose evidence looks like a password, then the refusal shows by the evidence field and nothing is stored; they have no verify, back or exit control', async () => {
  const { page, errors, close } = await exitPage(seeded.agency);
  const before = (await exitItems()).length;
  await expect(card(page, 'Instagram @exit')).toContainText('Only a lead can move it back a step.');
  expect(await page.getByRole('button', { name: /^(Verify|Back to) / }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /End the agency/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^Delete / }).count()).toBe(0);

  await tabTo(page, /^Add an item$/);
  await page.keyboard.press('Enter');
  // The form opens on its first field, the kind.
  expect(await focusedName(page)).toBe('Kind');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pinterest @exit');
  await tabTo(page, /^Evidence note/);
  await page.keyboard.type('password: hunter2hunter2');
  await tabTo(page, /^Add item$/);
  await page.keyboard.press('Enter');

  const form = page.getByRole('form', { name: 'Add an item to the checklist' });
  const evidence = form.getByLabel('Evidence note (optional)');
  await expect(evidence).toHaveAttribute('aria-invalid', 'true');
  const error = form.locator('.field').filter({ has: page.getByLabel('Evidence note (optional)') }).locator('.field__error');
  await expect(error).toContainText('looks like a password or secret');
  // The person is taken to the field that was refused, where the reason is.
  expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA');
  expect(await evidence.inputValue()).toBe('password: hunter2hunter2');
  const after = await exitItems();
  expect(after).toHaveLength(before);
  expect(after.map((i) => i.name)).not.toContain('Pinterest @exit');
  expect(errors).toEqual([]);
  await close();
});

test('When a lead ends the agency with gates open, then the dialog asks for a reason first; once ended, the banner says when and why, and the agency member is out at once', async () => {
  const { page, errors, close } = await exitPage(seeded.lead);
  await expect(page.getByTestId('exit-gates-line')).toContainText('Every exit item verified');
  // The page's top links to the action, below the checklist and the sessions: its heading takes the focus.
  await tabTo(page, /^End the agency arrangement$/);
  expect(await page.evaluate('document.activeElement.closest("nav")?.getAttribute("aria-label")')).toBe('On this page');
  await page.keyboard.press('Enter');
  expect(await page.evaluate('document.activeElement.id')).toBe('exit-action');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('End the agency arrangement…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'End the agency arrangement?' });
  const consequences = await dialog.getByTestId('exit-consequences').getByRole('listitem').allTextContents();
  expect(consequences).toEqual([
    `The exit is recorded as done today, ${await shown(page, today)}.`,
    '1 agency member loses access at once: the plan is gone from their list.',
    'Their API tokens for this plan are revoked.',
    'A final snapshot of the status is taken.',
    'Webhooks receive plan.exited.',
    'If a lead lets agency staff back in later, they can read but not change anything.',
  ]);
  const gates = await dialog.getByTestId('exit-open-gates').getByRole('listitem').allTextContents();
  expect(gates).toEqual(expect.arrayContaining(['Every handover accepted', 'Every milestone done', 'Every exit item verified']));

  // Without a reason nothing is sent: the reason field says why and has the focus.
  await tabTo(page, /^End it with gates open$/);
  await page.keyboard.press('Enter');
  const reason = dialog.getByLabel('Reason for ending with gates open');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Give the reason for ending the agency with gates still open.');
  expect(await focusedName(page)).toBe('Reason for ending with gates open');
  expect((await seeded.admin.call<Plan>('GET', plan())).exitedAt).toBeNull();

  await page.keyboard.type('Contract ends Friday');
  await tabTo(page, /^I understand/);
  await page.keyboard.press('Space');
  await tabTo(page, /^End it with gates open$/);
  await page.keyboard.press('Enter');
  const done = `The agency arrangement ended on ${await shown(page, today)}: 1 agency member lost access at once, no plan API token was left to revoke, and a final snapshot was taken.`;
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible();
  expect(await focusedName(page)).toBe(done);
  await expect(page.getByTestId('exited-banner')).toContainText(`The agency exit was done on ${await shown(page, today)}.`);
  expect(await page.getByRole('button', { name: /End the agency/ }).count()).toBe(0);
  const stored = await seeded.admin.call<Plan>('GET', plan());
  expect(stored.exitedAt?.slice(0, 10)).toBe(today);
  expect(stored.exitOverrideReason).toBe('Contract ends Friday');

  // The overview says it too, with the reason.
  await page.getByRole('navigation', { name: /^Plan / }).getByRole('link', { name: 'Overview' }).click();
  const banner = page.getByTestId('exited-banner');
  await expect(banner).toContainText(`The agency exit was done on ${await shown(page, today)}.`);
  await expect(banner).toContainText('Reason given: “Contract ends Friday”');
  expect(errors).toEqual([]);
  await close();

  // The agency member is out at once: the plan is gone from their list and answers as a stranger's.
  const agency = await newPage(browser, server.baseUrl);
  await signIn(agency.page, seeded.agency.email, seeded.agency.password);
  await expect(agency.page.getByText('You are not a member of any plan yet')).toBeVisible();
  await agency.page.goto(`${plan()}/exit`);
  await expect(agency.page.getByText('This plan could not be opened')).toBeVisible();
  expect(await agency.page.getByTestId('exit-summary').count()).toBe(0);
  await agency.context.close();
  const asAgency = await ApiClient.signIn(server.baseUrl, seeded.agency.email, seeded.agency.password);
  const res = await fetch(`${server.baseUrl}/api/v1${plan()}/exit-items`, { headers: { Authorization: `Bearer ${asAgency.token}` } });
  expect(res.status).toBe(404);
});
