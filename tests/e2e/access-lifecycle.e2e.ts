import type { Page } from 'playwright-core';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';
import { ADMIN } from './support/server';

// Cutting a person off and API tokens, as an admin and a lead do it in the browser
// (docs/domain.md#access-lifecycle). Screenshots go to SCREENSHOT_DIR (default /tmp).

const { server, seeded, browser } = setupSeededServer({ planName: 'Lifecycle plan' });
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** Whether the page scrolls sideways at its width (nothing may stick out on a phone). */
const scrollsSideways = (page: Page) => page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
const focusedText = (page: Page) => page.evaluate('document.activeElement && document.activeElement.textContent') as Promise<string | null>;

test('When an admin deactivates a user by keyboard, then that user\'s open session stops working at once and they cannot sign in', async () => {
  const victim = await seeded.admin.createUser(`leaver-${Date.now()}@e2e.test`, 'Lee Leaver', 'leaver-password-1');
  await seeded.admin.addMember(seeded.plan.id, victim.id, 'executive');
  const them = await newPage(browser, server.baseUrl);
  await signIn(them.page, victim.email, 'leaver-password-1');
  await them.page.goto(`/plans/${seeded.plan.id}`);
  await them.page.getByRole('heading', { level: 1 }).waitFor();

  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Users' }).click();
  const row = page.getByRole('row', { name: /Lee Leaver/ });
  await expect(row.getByText('Active')).toBeVisible();
  await row.getByRole('button', { name: 'Deactivate Lee Leaver' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Deactivate Lee Leaver?' });
  await expect(dialog).toContainText('every session and API token of theirs ends');
  await page.screenshot({ path: `${SHOTS}/lifecycle-deactivate-dialog-desktop.png` });
  // The dialog starts on Cancel; the next stop is the confirmation.
  expect(await focusedText(page)).toBe('Cancel');
  await page.keyboard.press('Tab');
  expect(await focusedText(page)).toBe('Deactivate');
  await page.keyboard.press('Enter');
  await expect(row.getByRole('status')).toContainText('Lee Leaver is deactivated');
  expect(await focusedText(page)).toBe('Lee Leaver is deactivated: their sessions and API tokens have ended.');
  await expect(row.getByText('Deactivated')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Reactivate Lee Leaver' })).toBeVisible();
  const listed = await seeded.admin.call<{ items: { id: string; active: boolean }[] }>('GET', '/users?active=false');
  expect(listed.items.map((u) => u.id)).toContain(victim.id);

  // Their open page: the next request is refused and they land on the sign-in page.
  await them.page.getByRole('navigation', { name: /^Plan / }).getByRole('link', { name: 'Milestones' }).click();
  await them.page.waitForURL(/\/sign-in/);
  await them.page.getByLabel('Email').fill(victim.email);
  await them.page.getByLabel('Password').fill('leaver-password-1');
  await them.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(them.page.getByRole('alert')).toBeVisible();
  expect(them.page.url()).toMatch(/\/sign-in/);
  await them.context.close();

  // Reactivated, they sign in again.
  await row.getByRole('button', { name: 'Reactivate Lee Leaver' }).click();
  await expect(row.getByRole('status')).toContainText('Lee Leaver can sign in again.');
  await expect(row.getByText('Active')).toBeVisible();
  const back = await newPage(browser, server.baseUrl);
  await signIn(back.page, victim.email, 'leaver-password-1');
  await back.context.close();
  expect(errors).toEqual([]);
  await context.close();
});

test('When an admin tries to deactivate themselves, then the refusal shows in their row with the focus, on a phone too', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl, { width: 375, height: 812 });
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/users');
  const row = page.getByRole('row', { name: /\(you\)/ });
  await row.getByRole('button', { name: /^Deactivate / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate', exact: true }).click();
  const alert = row.getByRole('alert');
  await expect(alert).toContainText('You cannot deactivate yourself');
  expect(await focusedText(page)).toBe('You cannot deactivate yourself: ask another administrator to do it.');
  await expect(row.getByText('Active')).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await page.screenshot({ path: `${SHOTS}/lifecycle-users-self-375.png`, fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

describe.each([
  { name: 'desktop', width: 1280, height: 900 },
  { name: '375', width: 375, height: 812 },
])('on $name', ({ name, width, height }) => {
  test('When a lead creates an API token, then its secret is shown once, it is listed with its expiry, it works, and revoking it ends it', async () => {
    const { context, page, errors } = await newPage(browser, server.baseUrl, { width, height });
    await signIn(page, seeded.lead.email, seeded.lead.password);
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'My API tokens' }).waitFor();
    const form = page.getByRole('form', { name: 'Create an API token' });
    const tokenName = `Script ${name}`;
    await form.getByLabel('Name').fill(tokenName);
    await form.getByLabel('Expires after (days)').fill('400');
    await form.getByRole('button', { name: 'Create token' }).click();
    await expect(form.getByText('must be at most 365')).toBeVisible();
    await form.getByLabel('Expires after (days)').fill('30');
    await form.getByRole('button', { name: 'Create token' }).click();

    const panel = page.getByRole('region', { name: `Your new token “${tokenName}”` });
    await expect(panel).toContainText('it is shown only this once');
    expect(await focusedText(page)).toBe(`Your new token “${tokenName}”`);
    const secret = await panel.getByLabel(`The token “${tokenName}”`).inputValue();
    const row = page.getByRole('row', { name: new RegExp(tokenName) });
    const expected = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    await expect(row).toContainText(expected);
    await expect(row).toContainText('All my access');
    await expect(row).toContainText('Never');
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/lifecycle-tokens-${name}.png`, fullPage: true });

    const me = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await panel.getByRole('button', { name: 'Done, hide it' }).click();
    await expect(panel).toBeHidden();

    await row.getByRole('button', { name: `Revoke ${tokenName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Revoked “${tokenName}”.` })).toBeVisible();
    expect(await focusedText(page)).toBe(`Revoked “${tokenName}”.`);
    await expect(row).toHaveCount(0);
    const after = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('When a lead sets an access end for an agency member, then the row shows it instead of the contract end', async () => {
    const { context, page, errors } = await newPage(browser, server.baseUrl, { width, height });
    await signIn(page, seeded.lead.email, seeded.lead.password);
    await page.goto(`/plans/${seeded.plan.id}/members`);
    const row = page.getByRole('row', { name: /Agency/ }).first();
    await expect(row).toContainText('(contract end)');
    await row.getByRole('button', { name: /^Change access end of / }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Left empty, agency staff follow the contract end');
    await dialog.getByLabel('Access until (optional)').fill('2099-01-31');
    if (name === '375') await page.screenshot({ path: `${SHOTS}/lifecycle-access-dialog-375.png` });
    await dialog.getByRole('button', { name: 'Save access end' }).click();
    await expect(row.getByRole('status')).toContainText('has access until 31 Jan 2099');
    await expect(row).toContainText('31 Jan 2099');
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/lifecycle-members-${name}.png`, fullPage: true });
    await row.getByRole('button', { name: /^Change access end of / }).click();
    await dialog.getByLabel('Access until (optional)').fill('');
    await dialog.getByRole('button', { name: 'Save access end' }).click();
    await expect(row).toContainText('(contract end)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
